/// The export layouts of the CRMs teams come from, as data: which headers identify a layout
/// and which field each of its columns fills. Columns a layout leaves out are kept in the
/// record's extra field.
public struct ImportPreset: Sendable, Equatable {
    public var name: String
    public var title: String
    public var entity: ImportEntity
    /// Headers that must all be present for the layout to be recognised.
    public var signature: [String]
    /// Header as the CRM writes it → Loyal field key.
    public var map: [String: String]

    /// The layout a header line belongs to: the preset whose signature it holds, the one
    /// with the longest signature when several do.
    public static func detect(_ headers: [String]) -> ImportPreset? {
        let present = Set(headers.map(ImportField.normalize))
        return all.filter { $0.signature.allSatisfy { present.contains(ImportField.normalize($0)) } }
            .max { $0.signature.count < $1.signature.count }
    }

    public static func named(_ name: String) -> ImportPreset? {
        all.first { $0.name == name.lowercased() }
    }

    public static let all: [ImportPreset] = [
        ImportPreset(name: "hubspot-companies", title: "HubSpot companies", entity: .customers,
                     signature: ["Record ID", "Company name"],
                     map: ["Record ID": "number", "Company name": "name", "Phone Number": "phone", "City": "city",
                           "Country/Region": "country", "Industry": "industry", "Create Date": "since",
                           "Street Address": "street", "Postal Code": "postal_code", "Website URL": "website",
                           "Number of Employees": "employees", "Company owner": "-"]),
        ImportPreset(name: "hubspot-contacts", title: "HubSpot contacts", entity: .contacts,
                     signature: ["Record ID", "First Name", "Last Name"],
                     map: ["Primary Associated Company ID": "customer", "Associated Company IDs": "customer", "First Name": "first_name", "Last Name": "last_name",
                           "Email": "email", "Phone Number": "phone", "Mobile Phone Number": "mobile", "WhatsApp Phone Number": "mobile",
                           "Fax Number": "fax",
                           "Job Title": "role", "Date of birth": "birthday", "Associated Company": "company",
                           "Company Name": "company", "Record ID": "-", "Contact owner": "-"]),
        ImportPreset(name: "salesforce-account", title: "Salesforce accounts (Data Export)", entity: .customers,
                     signature: ["Id", "Name", "BillingCity", "AccountNumber"],
                     map: ["Id": "number", "Name": "name", "BillingStreet": "street", "BillingPostalCode": "postal_code",
                           "BillingCity": "city", "BillingCountry": "country", "Phone": "phone", "Website": "website",
                           "Industry": "industry", "NumberOfEmployees": "employees", "Description": "notes",
                           "CreatedDate": "since", "AccountNumber": "-", "OwnerId": "-"]),
        ImportPreset(name: "salesforce-contact", title: "Salesforce contacts (Data Export)", entity: .contacts,
                     signature: ["Id", "AccountId", "LastName", "FirstName"],
                     map: ["AccountId": "customer", "FirstName": "first_name", "LastName": "last_name", "Email": "email",
                           "Phone": "phone", "MobilePhone": "mobile", "HomePhone": "phone_home", "OtherPhone": "phone_other",
                           "Fax": "fax", "Title": "role", "Birthdate": "birthday", "Description": "notes", "Id": "-",
                           "OwnerId": "-"]),
        ImportPreset(name: "pipedrive-organizations", title: "Pipedrive organizations", entity: .customers,
                     signature: ["Organization - ID", "Organization - Name"],
                     map: ["Organization - ID": "number", "Organization - Name": "name",
                           "Organization - Address": "-",
                           "Organization - City/town/village/locality of Address": "city",
                           "Organization - ZIP/Postal code of Address": "postal_code",
                           "Organization - Country of Address": "country", "Organization - Website": "website",
                           "Organization - Industry": "industry", "Organization - Number of employees": "employees",
                           "Organization - Organization created": "since", "Organization - Owner": "-"]),
        ImportPreset(name: "pipedrive-people", title: "Pipedrive people", entity: .contacts,
                     signature: ["Person - ID", "Person - Name"],
                     map: ["Person - Organization ID": "customer", "Person - Organization": "company",
                           "Person - Name": "name", "Person - First name": "first_name", "Person - Last name": "last_name",
                           "Person - Email - Work": "email", "Person - Email - Home": "email_home",
                           "Person - Email - Other": "email_other", "Person - Phone - Work": "phone",
                           "Person - Phone - Home": "phone_home", "Person - Phone - Mobile": "mobile",
                           "Person - Phone - Other": "phone_other", "Person - Job title": "role", "Person - Notes": "notes",
                           "Person - ID": "-", "Person - Owner": "-"]),
        ImportPreset(name: "excel-kunden", title: "German Excel customer list", entity: .customers,
                     signature: ["Kundennummer", "Firma", "Vorname", "Nachname"],
                     map: ["Kundennummer": "number", "Firma": "name", "Straße": "street", "PLZ": "postal_code", "Ort": "city",
                           "Land": "country", "E-Mail": "email", "Telefon": "phone", "Notiz": "notes",
                           "Vorname": "first_name", "Nachname": "last_name", "Geburtstag": "birthday"]),
    ]
}
