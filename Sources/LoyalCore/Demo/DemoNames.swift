/// Word lists for synthetic German companies and people. Combinations are random,
/// so no real person or company is described.
enum DemoNames {
    static let firstNames = [
        "Anna", "Lena", "Sabine", "Petra", "Julia", "Katrin", "Monika", "Claudia", "Birgit", "Andrea",
        "Stefanie", "Nicole", "Sandra", "Heike", "Ute", "Jana", "Miriam", "Sophie", "Laura", "Marie",
        "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Klaus", "Uwe", "Markus", "Christian",
        "Matthias", "Jörg", "Ralf", "Sven", "Tobias", "Jan", "Florian", "Dirk", "Holger", "Björn",
        "Günter", "Hans-Peter", "Karl-Heinz", "Özlem", "Mehmet", "Agnieszka", "Dimitri", "Ioannis", "Chiara", "Luca",
    ]
    static let lastNames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
        "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
        "Yılmaz", "Kowalski", "Nowak", "Papadopoulos", "Rossi",
    ]
    /// (trade word, industry, typical high season)
    static let trades: [(String, String, String)] = [
        ("Haustechnik", "Handwerk", ""), ("Elektrotechnik", "Handwerk", ""), ("Sanitär", "Handwerk", ""),
        ("Dachdeckerei", "Bau", "04-09"), ("Bauunternehmung", "Bau", "04-10"), ("Gartenbau", "Garten", "03-09"),
        ("Malerbetrieb", "Handwerk", "04-09"), ("Tischlerei", "Handwerk", ""), ("Metallbau", "Industrie", ""),
        ("Autohaus", "Kfz", "03-05"), ("Kfz-Werkstatt", "Kfz", "10-11"), ("Spedition", "Logistik", "11-12"),
        ("Bäckerei", "Lebensmittel", "12"), ("Metzgerei", "Lebensmittel", "12"), ("Getränkehandel", "Handel", "05-08"),
        ("Modehaus", "Einzelhandel", "11-12"), ("Buchhandlung", "Einzelhandel", "11-12"), ("Apotheke", "Gesundheit", ""),
        ("Zahnarztpraxis", "Gesundheit", ""), ("Physiotherapie", "Gesundheit", ""), ("Steuerberatung", "Dienstleistung", "01-05"),
        ("Hotel", "Gastronomie", "06-09"), ("Gasthof", "Gastronomie", "05-09"), ("Softwarehaus", "IT", ""),
        ("Druckerei", "Industrie", "10-12"), ("Maschinenbau", "Industrie", ""), ("Kunststofftechnik", "Industrie", ""),
        ("Gebäudereinigung", "Dienstleistung", ""), ("Immobilien", "Dienstleistung", ""), ("Blumenhaus", "Einzelhandel", "02-05"),
    ]
    static let legalForms = ["GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "KG", "e.K.", "OHG", "AG", "UG (haftungsbeschränkt)"]
    /// (city, first two digits of its postal codes)
    static let cities: [(String, String)] = [
        ("Berlin", "10"), ("Hamburg", "20"), ("München", "80"), ("Köln", "50"), ("Frankfurt am Main", "60"),
        ("Stuttgart", "70"), ("Düsseldorf", "40"), ("Leipzig", "04"), ("Dortmund", "44"), ("Essen", "45"),
        ("Bremen", "28"), ("Dresden", "01"), ("Hannover", "30"), ("Nürnberg", "90"), ("Duisburg", "47"),
        ("Bochum", "44"), ("Wuppertal", "42"), ("Bielefeld", "33"), ("Bonn", "53"), ("Münster", "48"),
        ("Mannheim", "68"), ("Karlsruhe", "76"), ("Augsburg", "86"), ("Wiesbaden", "65"), ("Mönchengladbach", "41"),
        ("Gelsenkirchen", "45"), ("Aachen", "52"), ("Braunschweig", "38"), ("Kiel", "24"), ("Chemnitz", "09"),
        ("Halle (Saale)", "06"), ("Magdeburg", "39"), ("Freiburg im Breisgau", "79"), ("Krefeld", "47"), ("Mainz", "55"),
        ("Lübeck", "23"), ("Erfurt", "99"), ("Oberhausen", "46"), ("Rostock", "18"), ("Kassel", "34"),
        ("Hagen", "58"), ("Potsdam", "14"), ("Saarbrücken", "66"), ("Hamm", "59"), ("Ludwigshafen", "67"),
        ("Oldenburg", "26"), ("Osnabrück", "49"), ("Leverkusen", "51"), ("Heidelberg", "69"), ("Darmstadt", "64"),
        ("Regensburg", "93"), ("Würzburg", "97"), ("Ulm", "89"), ("Göttingen", "37"), ("Bad Tölz", "83"),
    ]
    static let streets = [
        "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Dorfstraße", "Bergstraße", "Lindenstraße",
        "Kirchstraße", "Waldstraße", "Ringstraße", "Industriestraße", "Am Markt", "Mühlenweg", "Goethestraße",
        "Schillerstraße", "Friedrichstraße", "Gewerbering", "Im Gewerbepark", "Kastanienallee", "Rosenweg",
        "Marktplatz", "Feldstraße", "Wiesenweg", "Poststraße", "Uferstraße",
    ]
    static let roles = ["Geschäftsführung", "Inhaber", "Einkauf", "Einkaufsleitung", "Buchhaltung", "Büroleitung",
                        "Filialleitung", "Technische Leitung", "Assistenz der Geschäftsführung"]
    static let preferences = [
        "Termine nur vormittags", "Kaffee schwarz, kein Smalltalk vor 10 Uhr", "schätzt persönliche Besuche",
        "lieber kurz per Telefon", "Angebote immer schriftlich", "legt Wert auf Nachhaltigkeit",
        "vergleicht Preise genau", "Fußballfan (VfL)", "mag Einladungen zu Hausmessen", "entscheidet nur mit Partner",
        "", "", "",
    ]
    static let callTimes = ["Mo–Fr 8–10 Uhr", "Di–Do 9–11 Uhr", "nachmittags ab 14 Uhr", "Mo–Mi vormittags",
                            "Fr vormittags", "", ""]
    static let busyHours = ["Mo–Fr 11–14 Uhr", "Sa ganztags", "Mo vormittags", "", "", ""]
    static let competitors = ["Büro-Discount24", "Hanse Versand", "ProOffice Direkt", "Kaiser & Partner",
                              "Schwabenhandel", "Amazon Business"]
    static let complaintTexts: [(ComplaintCategory, String)] = [
        (.delivery, "Lieferung kam drei Tage zu spät"), (.delivery, "Teillieferung ohne Ankündigung"),
        (.invoice, "Rechnung doppelt gestellt"), (.invoice, "Rabatt auf Rechnung fehlt"),
        (.product, "Kartons beschädigt angekommen"), (.product, "Qualität schlechter als zuletzt"),
        (.service, "Rückruf nicht erfolgt"), (.service, "Hotline nicht erreichbar"),
        (.price, "Preiserhöhung ohne Vorwarnung"), (.other, "Falscher Ansprechpartner angeschrieben"),
    ]
    static let visitNotes = [
        "Neue Produktlinie vorgestellt, Interesse an Mustern.", "Jahresgespräch, Konditionen besprochen.",
        "Kunde plant Umzug des Lagers im Frühjahr.", "Neuer Einkaufsleiter, erstes Kennenlernen.",
        "Beschwerde über Lieferzeiten angesprochen.", "Zufrieden, möchte Rahmenvertrag verlängern.",
        "Preisvergleich mit Wettbewerber vorgelegt.", "Kurzer Besuch, Kataloge übergeben.",
        "Einladung zur Hausmesse ausgesprochen.", "Bedarf für zweiten Standort besprochen.",
    ]
    static let nextSteps = ["Angebot schicken", "Muster liefern", "Rückruf Einkauf", "Termin mit Geschäftsführung",
                            "Konditionen prüfen", "Einladung Hausmesse", ""]
    static let repNames = [("AB", "Anja Brandt", "Nord"), ("MK", "Michael Kühn", "West"), ("SL", "Sevgi Lorenz", "Süd"),
                           ("TH", "Timo Haas", "Ost"), ("PW", "Paula Wendt", "Mitte"), ("JR", "Jonas Reuter", "Südwest"),
                           ("EF", "Eva Falk", "Nordost"), ("DG", "Dennis Graf", "Bayern")]
}
