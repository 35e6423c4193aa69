/// The demo company is a B2B wholesaler for businesses (office, cleaning, safety,
/// coffee, packaging, tools, IT): many categories, so cross-selling can be measured.
enum DemoCatalog {
    /// (category, margin share, products as (name, list price in euros))
    static let categories: [(String, Double, [(String, Int)])] = [
        ("Bürobedarf", 0.32, [("Kopierpapier A4, 5 × 500 Blatt", 24), ("Ordner 8 cm, 10 Stück", 29),
                              ("Kugelschreiber-Set, 50 Stück", 35), ("Haftnotizen, 24 Blöcke", 19),
                              ("Schreibtischorganizer Bambus", 45)]),
        ("Kaffee & Getränke", 0.28, [("Kaffeebohnen Crema, 6 kg", 119), ("Mineralwasser, 24 Kisten", 168),
                                     ("Kaffeevollautomat Büro", 1890), ("Teesortiment, 12 Packungen", 54)]),
        ("Reinigung & Hygiene", 0.36, [("Papierhandtücher, 20 Pakete", 62), ("Seifencreme, 10 Liter", 38),
                                       ("Desinfektionsmittel, 5 Liter", 49), ("Reinigungswagen komplett", 640)]),
        ("Arbeitsschutz", 0.41, [("Schutzhandschuhe, 144 Paar", 88), ("Sicherheitsschuhe S3", 96),
                                 ("Erste-Hilfe-Koffer DIN 13157", 59), ("Warnwesten, 20 Stück", 45)]),
        ("Verpackung & Versand", 0.27, [("Faltkartons, 100 Stück", 79), ("Packband, 36 Rollen", 42),
                                        ("Stretchfolie, 6 Rollen", 66), ("Luftpolsterfolie, 5 Rollen", 71)]),
        ("Werkzeug & Werkstatt", 0.34, [("Akkuschrauber-Set 18 V", 249), ("Werkzeugwagen bestückt", 1290),
                                        ("Bit-Sortiment, 100 Teile", 39), ("Arbeitsleuchte LED", 89)]),
        ("IT-Zubehör", 0.22, [("Monitor 27 Zoll", 289), ("Tastatur-Maus-Set", 59), ("Dockingstation USB-C", 179),
                              ("Headset kabellos", 139), ("Toner schwarz, 2 Stück", 154)]),
        ("Büromöbel", 0.38, [("Bürodrehstuhl ergonomisch", 449), ("Schreibtisch elektrisch höhenverstellbar", 790),
                             ("Rollcontainer", 199), ("Besprechungstisch", 620)]),
    ]

    struct Item {
        var product: Product
        var categoryIndex: Int
        var marginShare: Double
    }

    static func items() -> [Item] {
        var out: [Item] = []
        var n = 1
        for (ci, (category, margin, products)) in categories.enumerated() {
            for (name, euros) in products {
                let price = Money(cents: Int64(euros) * 100)
                let p = Product(id: Int64(n), sku: "A-\(1000 + n)", name: name, category: category, price: price,
                                margin: Money(cents: Int64((Double(price.cents) * margin).rounded())))
                out.append(Item(product: p, categoryIndex: ci, marginShare: margin))
                n += 1
            }
        }
        return out
    }
}
