/// The reference record sets, matching sql/reference/ministry.sql and province.sql.
/// Core fields per 注3 of 交办运函〔2022〕1599号 (运政业务数据核心字段包括经营业户名称、经营范围、…).
extension RecordSetSpec {
    /// 经营业户: key 经营许可证号.
    public static let operators = RecordSetSpec(
        name: "operators", label: "经营业户",
        key: [.identifier("licence_no", "经营许可证号")],
        fields: [
            .text("name", "经营业户名称"),
            .identifier("credit_code", "统一社会信用代码"),
            .text("business_scope", "经营范围"),
            .code("business_scope_code", "经营范围代码"),
            .text("address", "业户地址"),
            .code("economic_type_code", "经济类型代码"),
            .code("operating_status_code", "经营状态代码"),
            .code("region_code", "行政区划代码"),
            .text("licence_word", "经营许可证字"),
            .date("valid_from", "有效期起"),
            .date("valid_to", "有效期止"),
            .code("issuer_code", "发证机构代码"),
            .text("issuer_name", "发证机构名称"),
            .date("issue_date", "发证日期"),
            .code("licence_category_code", "许可证类别代码"),
        ],
        ministryTable: "operators", provinceTable: "operators")

    /// 从业人员: key 从业资格证号 (in practice the holder's ID number).
    public static let practitioners = RecordSetSpec(
        name: "practitioners", label: "从业人员",
        key: [.identifier("certificate_no", "从业资格证号")],
        fields: [
            .text("name", "从业人员姓名"),
            .code("id_type", "身份证件类型"),
            .identifier("id_number", "身份证件号码"),
            .identifier("phone", "联系电话"),
            .code("driving_class", "准驾车型代码"),
            .text("qualification_category", "从业资格类别"),
            .date("first_issue_date", "从业资格证初领日期"),
            .date("issue_date", "发证日期"),
            .date("valid_to", "证件有效期至"),
            .code("issuer_code", "发证机构代码"),
            .text("issuer_name", "发证机构名称"),
            .code("region_code", "从业资格证所在地行政区划代码"),
            .code("certificate_status", "证件状态"),
            .code("integrity_grade", "诚信考核等级"),
        ],
        ministryTable: "practitioners", provinceTable: "practitioners")

    /// 营运车辆: key 车牌号码 + 车牌颜色代码.
    public static let vehicles = RecordSetSpec(
        name: "vehicles", label: "营运车辆",
        key: [.identifier("plate_number", "车牌号码"), .code("plate_colour", "车牌颜色代码")],
        fields: [
            .identifier("vehicle_id", "车辆编号"),
            .identifier("vin", "车辆识别代号(VIN)"),
            .code("vehicle_type_code", "车辆类型代码"),
            .number("length_mm", "车长(mm)"),
            .number("width_mm", "车宽(mm)"),
            .number("height_mm", "车高(mm)"),
            .number("axles", "车轴数"),
            .number("traction_mass_kg", "准牵引总质量(kg)"),
            .number("seats", "核定载客位数"),
            .number("total_mass_kg", "车辆总质量(kg)"),
            .code("fuel_type_code", "车辆燃料类型代码"),
            .code("operating_status_code", "车辆营运状态代码"),
            .code("region_code", "车籍地行政区划代码"),
            .text("transport_cert_word", "道路运输证字"),
            .identifier("transport_cert_no", "道路运输证号"),
            .date("valid_to", "有效期至"),
            .date("issue_date", "发证日期"),
            .code("issuer_code", "发证机构代码"),
            .text("issuer_name", "发证机构名称"),
            .code("technical_grade", "技术等级评定"),
            .code("coach_grade", "客车类型等级评定"),
        ],
        ministryTable: "vehicles", provinceTable: "vehicles")

    /// The three reconciled record sets, in report order.
    public static let reference: [RecordSetSpec] = [.operators, .practitioners, .vehicles]
}
