/// Rows of 营运车辆 (operating vehicles): key 车牌号码 + 车牌颜色代码. The plate's shape and the
/// vehicle's class follow from the row's index (a repeating pattern of 20), so the key — plate and
/// colour — is fixed by the index alone:
/// ordinary plates (13 in 20: taxis blue `1`, coaches, tractors and trucks yellow `2`), small
/// new-energy plates (3: `94` 渐变绿), large new-energy plates (1: `93` 黄绿) and trailers (3: `2`).
import ReconRules
import ReconKit

struct VehicleRowGenerator: SampleRecordGenerator {
    let recordSetName = "vehicles"
    let columns = [
        "plate_number", "plate_colour", "vehicle_id", "vin", "vehicle_type_code", "length_mm",
        "width_mm", "height_mm", "axles", "traction_mass_kg", "seats", "total_mass_kg",
        "fuel_type_code", "operating_status_code", "region_code", "transport_cert_word",
        "transport_cert_no", "valid_to", "issue_date", "issuer_code", "issuer_name",
        "technical_grade", "coach_grade",
    ]
    let keyColumnCount = 2
    let context: SampleContext
    /// One permutation per plate shape.
    let permutations: [KeyPermutation]

    /// The class of vehicle, which fixes the plate's shape and colour.
    enum VehicleClass: Int, CaseIterable {
        case taxi, coach, tractor, heavyTruck, lightTruck, electricCar, electricLarge, trailer
        /// The plate shape: 0 ordinary, 1 small new-energy, 2 large new-energy, 3 trailer.
        var shape: Int {
            switch self {
            case .taxi, .coach, .tractor, .heavyTruck, .lightTruck: 0
            case .electricCar: 1
            case .electricLarge: 2
            case .trailer: 3
            }
        }
        /// The plate colour code (``PlateColour``).
        var colour: PlateColour {
            switch self {
            case .taxi: .blue
            case .electricCar: .gradientGreen
            case .electricLarge: .yellowGreen
            default: .yellow
            }
        }
    }

    /// The classes of the 20 positions of the repeating pattern.
    static let pattern: [VehicleClass] = [
        .taxi, .coach, .coach, .tractor, .tractor, .tractor, .heavyTruck, .heavyTruck, .heavyTruck,
        .heavyTruck, .lightTruck, .lightTruck, .lightTruck,
        .electricCar, .electricCar, .electricCar, .electricLarge, .trailer, .trailer, .trailer,
    ]
    /// For each pattern position: its rank among the positions of the same shape, and the count of
    /// positions of that shape.
    static let shapeRank: [(rank: Int, count: Int)] = pattern.enumerated().map { i, vehicleClass in
        (pattern[..<i].filter { $0.shape == vehicleClass.shape }.count, pattern.filter { $0.shape == vehicleClass.shape }.count)
    }
    /// Office letters used: A–H.
    static let offices: [UInt8] = Array("ABCDEFGH".utf8)
    /// Serial characters: digits and A–Z without I and O (GA 36).
    static let serial: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
    /// Plates per office of each shape: ordinary 2 serial characters + 3 digits; small new-energy
    /// D/F + 1 serial character + 4 digits; large new-energy 5 digits + D/F; trailer 2 serial
    /// characters + 2 digits + 挂.
    static let platesPerOffice = [34 * 34 * 1000, 2 * 34 * 10_000, 100_000 * 2, 34 * 34 * 100]
    /// World manufacturer identifiers of Chinese truck and bus makers (*unverified*; only the
    /// check digit is validated).
    static let manufacturers: [[UInt8]] = SampleVocabulary.utf8("LFW LZZ LGA LZY LFN LGH LDC LKL")

    init(context: SampleContext, _ rng: inout SeededGenerator) {
        self.context = context
        permutations = Self.platesPerOffice.map { KeyPermutation(size: $0 * Self.offices.count, &rng) }
    }

    /// The number of keys before some shape runs out.
    var capacity: Int {
        (0..<4).map { shape in
            let perPattern = Self.pattern.filter { $0.shape == shape }.count
            return permutations[shape].size / perPattern * Self.pattern.count
        }.min()!
    }

    /// The class of key number `index`.
    func vehicleClass(_ index: Int) -> VehicleClass { Self.pattern[index % Self.pattern.count] }

    func renderKey(index: Int, into row: inout SampleRow) {
        row.reset()
        let position = index % Self.pattern.count
        let vehicleClass = Self.pattern[position]
        let (rank, count) = Self.shapeRank[position]
        let number = permutations[vehicleClass.shape].apply(index / Self.pattern.count * count + rank)
        let office = Self.offices[number % Self.offices.count]
        var rest = number / Self.offices.count
        row.begin(0)
        row.append(context.province.plateAbbreviationBytes)
        row.append(byte: office)
        func digits(_ n: Int) {
            var divisor = 1
            for _ in 1..<n { divisor *= 10 }
            row.append(number: rest % (divisor * 10), width: n)
            rest /= divisor * 10
        }
        func serial() {
            row.append(byte: Self.serial[rest % Self.serial.count])
            rest /= Self.serial.count
        }
        switch vehicleClass.shape {
        case 0:
            serial(); serial(); digits(3)
        case 1:
            row.append(byte: rest % 2 == 0 ? 0x44 : 0x46)  // D or F
            rest /= 2
            serial(); digits(4)
        case 2:
            let letter: UInt8 = rest % 2 == 0 ? 0x44 : 0x46
            rest /= 2
            digits(5)
            row.append(byte: letter)
        default:
            serial(); serial(); digits(2)
            row.append(Self.trailerMark)
        }
        row.begin(1)
        row.append(vehicleClass.colour.code)
    }

    static let trailerMark: [UInt8] = Array("挂".utf8)

    func render(index: Int, into row: inout SampleRow, _ rng: inout SeededGenerator) {
        renderKey(index: index, into: &row)
        let vehicleClass = vehicleClass(index)
        let province = context.province
        let city = SampleDraw.element(province.cities, &rng)

        row.begin(2)  // 车辆编号: the city code and 8 digits
        row.append(city.codeBytes)
        row.append(number: SampleDraw.index(100_000_000, &rng), width: 8)
        row.begin(3)
        let wmi = SampleDraw.element(Self.manufacturers, &rng)
        row.appendBytes { SampleIdentifiers.appendVIN(wmi: wmi, &rng, to: &$0) }

        // Type (GA 802 style, *unverified*), dimensions (mm), axles, masses (kg), seats, fuel.
        var type = "H11", length = 0, width = 2550, height = 0, axles = 2, traction: Int? = nil
        var seats: Int? = 2, mass = 0, fuel: [UInt8]? = SampleCodeLists.diesel, coach = false
        switch vehicleClass {
        case .taxi:
            type = "K33"; length = SampleDraw.int(900...980, &rng) * 5; width = SampleDraw.int(340...370, &rng) * 5
            height = SampleDraw.int(290...310, &rng) * 5; seats = 5; mass = SampleDraw.int(36...42, &rng) * 50
            fuel = SampleDraw.element([SampleCodeLists.petrol, SampleCodeLists.naturalGas, SampleCodeLists.hybrid], &rng)
        case .coach:
            type = SampleDraw.chance(3, in: 4, &rng) ? "K11" : "K21"; length = SampleDraw.int(80...120, &rng) * 100
            height = SampleDraw.int(64...76, &rng) * 50; seats = SampleDraw.int(19...55, &rng); mass = SampleDraw.int(100...180, &rng) * 100
            coach = true
            fuel = SampleDraw.chance(1, in: 5, &rng) ? SampleCodeLists.naturalGas : SampleCodeLists.diesel
        case .tractor:
            type = "Q11"; length = SampleDraw.int(68...72, &rng) * 100; height = SampleDraw.int(60...78, &rng) * 50
            axles = 3; traction = SampleDraw.int(76...80, &rng) * 500; mass = 25_000
            if SampleDraw.chance(1, in: 6, &rng) { fuel = SampleCodeLists.naturalGas }
        case .heavyTruck:
            type = SampleDraw.chance(1, in: 2, &rng) ? "H11" : "H12"; length = SampleDraw.int(90...120, &rng) * 100
            height = SampleDraw.int(60...80, &rng) * 50; axles = SampleDraw.int(3...4, &rng); mass = SampleDraw.int(180...310, &rng) * 100
        case .lightTruck:
            type = "H31"; length = SampleDraw.int(50...60, &rng) * 100; width = SampleDraw.int(40...46, &rng) * 50
            height = SampleDraw.int(44...60, &rng) * 50; seats = SampleDraw.int(2...3, &rng); mass = 4495
        case .electricCar:
            type = "K33"; length = SampleDraw.int(900...980, &rng) * 5; width = SampleDraw.int(340...370, &rng) * 5
            height = SampleDraw.int(290...320, &rng) * 5; seats = 5; mass = SampleDraw.int(36...46, &rng) * 50
            fuel = SampleCodeLists.electric
        case .electricLarge:
            if SampleDraw.chance(1, in: 2, &rng) {
                type = "K11"; length = SampleDraw.int(100...120, &rng) * 100; height = SampleDraw.int(64...72, &rng) * 50
                seats = SampleDraw.int(25...50, &rng); mass = SampleDraw.int(150...180, &rng) * 100; coach = true
            } else {
                type = "H31"; length = SampleDraw.int(50...60, &rng) * 100; width = SampleDraw.int(40...46, &rng) * 50
                height = SampleDraw.int(44...60, &rng) * 50; mass = 4495
            }
            fuel = SampleCodeLists.electric
        case .trailer:
            type = "B11"; length = SampleDraw.int(120...130, &rng) * 100; height = SampleDraw.int(32...78, &rng) * 50
            axles = 3; seats = nil; mass = 40_000; fuel = nil
        }
        row.begin(4); row.append(type)
        row.begin(5); row.append(number: length)
        row.begin(6); row.append(number: width)
        row.begin(7); row.append(number: height)
        row.begin(8); row.append(number: axles)
        if let traction { row.begin(9); row.append(number: traction) } else { row.setNull(9) }
        if let seats { row.begin(10); row.append(number: seats) } else { row.setNull(10) }
        row.begin(11); row.append(number: mass)
        row.set(12, fuel)
        row.begin(13)
        row.append(oneOf: SampleCodeLists.vehicleStatuses, &rng)
        row.begin(14)
        row.append(city.codeBytes)
        row.begin(15)
        row.append(city.certificateWord)
        row.begin(16)
        let sequence = SampleDraw.int(1...999_999, &rng)
        row.appendBytes { SampleIdentifiers.appendPermitNumber(region: city.codeBytes, sequence: sequence, to: &$0) }
        let issue = context.day(from: SampleBytes.dayNumber(2018, 1, 1), through: context.lastDay - 1, &rng)
        let years = SampleDraw.int(1...3, &rng)
        if SampleDraw.chance(1, in: 50, &rng) {
            row.setNull(17)  // no end date recorded
        } else {
            row.begin(17)
            row.append(day: SampleBytes.adding(years: years, to: issue))
        }
        row.begin(18)
        row.append(day: issue)
        row.begin(19)
        row.append(city.codeBytes)
        row.begin(20)
        row.append(city.issuerName)
        row.begin(21)
        row.append(oneOf: SampleCodeLists.technicalGrades, &rng)
        if coach {
            row.begin(22)
            row.append(oneOf: SampleCodeLists.coachGrades, &rng)
        } else {
            row.setNull(22)
        }
    }
}
