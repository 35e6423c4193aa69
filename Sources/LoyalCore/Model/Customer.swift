/// A sales rep who owns accounts.
public struct Rep: Hashable, Sendable, Codable {
    public var id: Int64?
    public var code: String
    public var name: String
    public var email: String
    public var region: String

    public init(id: Int64? = nil, code: String, name: String, email: String = "", region: String = "") {
        self.id = id; self.code = code; self.name = name; self.email = email; self.region = region
    }
}

/// An account: hard facts (who and where), soft facts (how they like to be dealt with).
public struct Customer: Hashable, Sendable, Codable {
    public var id: Int64?
    public var number: String
    public var name: String
    // Hard facts
    public var street: String = ""
    public var postalCode: String = ""
    public var city: String = ""
    public var country: String = "DE"
    public var phone: String = ""
    public var email: String = ""
    public var website: String = ""
    public var industry: String = ""
    public var employees: Int?
    public var revenueBand: String = ""
    public var repID: Int64?
    public var since: Day?
    // Soft facts
    public var preferences: String = ""
    public var preferredChannel: Channel?
    public var bestCallTimes: String = ""
    public var highSeason: String = ""
    public var busyHours: String = ""
    /// Business or consumer: decides which contacts need express consent (UWG § 7).
    public var kind: CustomerKind = .business
    public var potential: Money?
    public var classOverride: CustomerClass?
    public var notes: String = ""
    // Lifecycle
    public var status: CustomerStatus = .active
    public var lostOn: Day?
    public var lostReason: LostReason?
    public var returnedOn: Day?

    public init(id: Int64? = nil, number: String, name: String) {
        self.id = id; self.number = number; self.name = name
    }

    /// A returnee came back after being lost; the articles want them recognisable.
    public var isReturnee: Bool { returnedOn != nil }
}

/// A channel the customer agreed (or refused) to be contacted on, and since when.
public struct Consent: Hashable, Sendable, Codable {
    public var customerID: Int64
    public var channel: Channel
    public var granted: Bool
    public var on: Day
    public var source: String

    public init(customerID: Int64, channel: Channel, granted: Bool, on: Day, source: String = "") {
        self.customerID = customerID; self.channel = channel; self.granted = granted
        self.on = on; self.source = source
    }
}

/// Birthdays may be known without the year; `year` is then nil.
public struct Birthday: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int?
    public var month: Int
    public var day: Int

    public init?(year: Int?, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year ?? 2000) else { return nil }
        if let y = year, Day(year: y, month: month, day: day) == nil { return nil }
        self.year = year; self.month = month; self.day = day
    }

    public init(_ day: Day) {
        let c = day.components
        year = c.year; month = c.month; self.day = c.day
    }

    /// `1970-05-17`, or `--05-17` without a year (the vCard/ISO 8601 form).
    public init?(parsing text: some StringProtocol) {
        let t = text.trimmingSpaces
        if t.hasPrefix("--") {
            let p = t.dropFirst(2).split(separator: "-")
            guard p.count == 2, let m = Int(p[0]), let d = Int(p[1]) else { return nil }
            self.init(year: nil, month: m, day: d)
        } else if let day = Day(parsing: t) {
            self.init(day)
        } else {
            let p = t.split(separator: ".", omittingEmptySubsequences: false)
            guard p.count == 3, p[2].isEmpty, let d = Int(p[0]), let m = Int(p[1]) else { return nil }
            self.init(year: nil, month: m, day: d)
        }
    }

    public var description: String {
        if let y = year { return "\(pad(y, 4))-\(pad(month, 2))-\(pad(day, 2))" }
        return "--\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day it is celebrated in a given year: 29 February falls on 28 February
    /// in other years, so it is never silently skipped.
    public func occurrence(in year: Int) -> Day {
        Day(year: year, month: month, day: min(day, Day.daysIn(month: month, year: year)))!
    }

    public func age(on day: Day) -> Int? {
        guard let y = year else { return nil }
        let c = day.components
        return c.year - y - ((c.month, c.day) < (month, self.day) ? 1 : 0)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let b = Birthday(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad birthday \(text)"))
        }
        self = b
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

public struct ContactPerson: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var firstName: String
    public var lastName: String
    public var role: String = ""
    public var email: String = ""
    public var phone: String = ""
    public var birthday: Birthday?
    public var partnerName: String = ""
    public var partnerBirthday: Birthday?
    public var leftOn: Day?
    public var isPrimary: Bool = false
    public var notes: String = ""

    public init(id: Int64? = nil, customerID: Int64, firstName: String, lastName: String) {
        self.id = id; self.customerID = customerID; self.firstName = firstName; self.lastName = lastName
    }

    public var fullName: String {
        firstName.isEmpty ? lastName : lastName.isEmpty ? firstName : firstName + " " + lastName
    }
}

/// A business customer (B2B) may be called on presumed consent; a consumer (B2C) only
/// with express consent (UWG § 7 (2) Nr. 1). E-mail and newsletters need express consent from both.
public enum CustomerKind: String, Hashable, Sendable, Codable, CaseIterable {
    case business, consumer

    /// The words files and people use: business/consumer, B2B/B2C, Firma/Privat.
    public init?(parsing text: some StringProtocol) {
        switch String(text).lowercased() {
        case "business", "b2b", "firma", "firmenkunde", "geschäftskunde", "gewerblich", "unternehmen", "company":
            self = .business
        case "consumer", "b2c", "privat", "privatkunde", "privatperson", "verbraucher", "private":
            self = .consumer
        default: return nil
        }
    }
}
