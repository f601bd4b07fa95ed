-- Reference schema of a PROVINCE registry (省级运政系统): that province's own rows, one table per
-- record set, the same core fields as the ministry's (注3 of 交办运函〔2022〕1599号).


CREATE TABLE IF NOT EXISTS operators (
    row_id bigserial PRIMARY KEY,
    licence_no varchar,
    name varchar,
    credit_code varchar,
    business_scope varchar,
    business_scope_code varchar,
    address varchar,
    economic_type_code varchar,
    operating_status_code varchar,
    region_code varchar,
    licence_word varchar,
    valid_from varchar,
    valid_to varchar,
    issuer_code varchar,
    issuer_name varchar,
    issue_date varchar,
    licence_category_code varchar
);
COMMENT ON TABLE operators IS '经营业户（省级运政系统）';
COMMENT ON COLUMN operators.row_id IS '行号(代理键，不参与对账)';
COMMENT ON COLUMN operators.licence_no IS '经营许可证号（关键字段）';
COMMENT ON COLUMN operators.name IS '经营业户名称';
COMMENT ON COLUMN operators.credit_code IS '统一社会信用代码(营业执照号码)';
COMMENT ON COLUMN operators.business_scope IS '经营范围';
COMMENT ON COLUMN operators.business_scope_code IS '经营范围代码';
COMMENT ON COLUMN operators.address IS '业户地址';
COMMENT ON COLUMN operators.economic_type_code IS '经济类型代码';
COMMENT ON COLUMN operators.operating_status_code IS '经营状态代码';
COMMENT ON COLUMN operators.region_code IS '行政区划代码';
COMMENT ON COLUMN operators.licence_word IS '经营许可证字';
COMMENT ON COLUMN operators.valid_from IS '有效期起';
COMMENT ON COLUMN operators.valid_to IS '有效期止';
COMMENT ON COLUMN operators.issuer_code IS '发证机构代码';
COMMENT ON COLUMN operators.issuer_name IS '发证机构名称';
COMMENT ON COLUMN operators.issue_date IS '发证日期';
COMMENT ON COLUMN operators.licence_category_code IS '许可证类别代码';
CREATE INDEX IF NOT EXISTS operators_key ON operators (licence_no COLLATE "C");

CREATE TABLE IF NOT EXISTS practitioners (
    row_id bigserial PRIMARY KEY,
    certificate_no varchar,
    name varchar,
    id_type varchar,
    id_number varchar,
    phone varchar,
    driving_class varchar,
    qualification_category varchar,
    first_issue_date varchar,
    issue_date varchar,
    valid_to varchar,
    issuer_code varchar,
    issuer_name varchar,
    region_code varchar,
    certificate_status varchar,
    integrity_grade varchar
);
COMMENT ON TABLE practitioners IS '从业人员（省级运政系统）';
COMMENT ON COLUMN practitioners.row_id IS '行号(代理键，不参与对账)';
COMMENT ON COLUMN practitioners.certificate_no IS '从业资格证号（关键字段）';
COMMENT ON COLUMN practitioners.name IS '从业人员姓名';
COMMENT ON COLUMN practitioners.id_type IS '身份证件类型';
COMMENT ON COLUMN practitioners.id_number IS '身份证件号码';
COMMENT ON COLUMN practitioners.phone IS '联系电话';
COMMENT ON COLUMN practitioners.driving_class IS '准驾车型代码';
COMMENT ON COLUMN practitioners.qualification_category IS '从业资格类别';
COMMENT ON COLUMN practitioners.first_issue_date IS '从业资格证初领日期';
COMMENT ON COLUMN practitioners.issue_date IS '发证日期';
COMMENT ON COLUMN practitioners.valid_to IS '证件有效期至';
COMMENT ON COLUMN practitioners.issuer_code IS '发证机构代码';
COMMENT ON COLUMN practitioners.issuer_name IS '发证机构名称';
COMMENT ON COLUMN practitioners.region_code IS '从业资格证所在地行政区划代码';
COMMENT ON COLUMN practitioners.certificate_status IS '证件状态';
COMMENT ON COLUMN practitioners.integrity_grade IS '诚信考核等级';
CREATE INDEX IF NOT EXISTS practitioners_key ON practitioners (certificate_no COLLATE "C");

CREATE TABLE IF NOT EXISTS vehicles (
    row_id bigserial PRIMARY KEY,
    plate_number varchar,
    plate_colour varchar,
    vehicle_id varchar,
    vin varchar,
    vehicle_type_code varchar,
    length_mm varchar,
    width_mm varchar,
    height_mm varchar,
    axles varchar,
    traction_mass_kg varchar,
    seats varchar,
    total_mass_kg varchar,
    fuel_type_code varchar,
    operating_status_code varchar,
    region_code varchar,
    transport_cert_word varchar,
    transport_cert_no varchar,
    valid_to varchar,
    issue_date varchar,
    issuer_code varchar,
    issuer_name varchar,
    technical_grade varchar,
    coach_grade varchar
);
COMMENT ON TABLE vehicles IS '营运车辆（省级运政系统）';
COMMENT ON COLUMN vehicles.row_id IS '行号(代理键，不参与对账)';
COMMENT ON COLUMN vehicles.plate_number IS '车牌号码（关键字段）';
COMMENT ON COLUMN vehicles.plate_colour IS '车牌颜色代码（关键字段）';
COMMENT ON COLUMN vehicles.vehicle_id IS '车辆编号';
COMMENT ON COLUMN vehicles.vin IS '车辆识别代号(VIN)';
COMMENT ON COLUMN vehicles.vehicle_type_code IS '车辆类型代码';
COMMENT ON COLUMN vehicles.length_mm IS '车长(mm)';
COMMENT ON COLUMN vehicles.width_mm IS '车宽(mm)';
COMMENT ON COLUMN vehicles.height_mm IS '车高(mm)';
COMMENT ON COLUMN vehicles.axles IS '车轴数';
COMMENT ON COLUMN vehicles.traction_mass_kg IS '准牵引总质量(kg)';
COMMENT ON COLUMN vehicles.seats IS '核定载客位数';
COMMENT ON COLUMN vehicles.total_mass_kg IS '车辆总质量(kg)';
COMMENT ON COLUMN vehicles.fuel_type_code IS '车辆燃料类型代码';
COMMENT ON COLUMN vehicles.operating_status_code IS '车辆营运状态代码';
COMMENT ON COLUMN vehicles.region_code IS '车籍地行政区划代码';
COMMENT ON COLUMN vehicles.transport_cert_word IS '道路运输证字';
COMMENT ON COLUMN vehicles.transport_cert_no IS '道路运输证号';
COMMENT ON COLUMN vehicles.valid_to IS '有效期至';
COMMENT ON COLUMN vehicles.issue_date IS '发证日期';
COMMENT ON COLUMN vehicles.issuer_code IS '发证机构代码';
COMMENT ON COLUMN vehicles.issuer_name IS '发证机构名称';
COMMENT ON COLUMN vehicles.technical_grade IS '技术等级评定';
COMMENT ON COLUMN vehicles.coach_grade IS '客车类型等级评定';
CREATE INDEX IF NOT EXISTS vehicles_key ON vehicles (plate_number COLLATE "C", plate_colour COLLATE "C");
