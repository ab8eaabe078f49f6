-- Seed catalogue: real services, materials and conditions from the reform reports this project serves
-- (../shared/reports): 秒批, 跨省通办, 一件事一次办, 交房即交证, 智慧助残. Administrators edit it through the API.

INSERT INTO catalog_department (code, name, description) VALUES
    ('HN-WJW', '卫生健康委员会', '医疗卫生、公共场所卫生许可、出生医学证明'),
    ('HN-SCJ', '市场监督管理局', '市场主体登记注册、企业开办'),
    ('HN-RST', '人力资源和社会保障局', '就业失业、社会保险、社会保障卡'),
    ('HN-YBJ', '医疗保障局', '医保参保、异地就医、医保待遇'),
    ('HN-GAT', '公安局', '户籍、居民身份证、印章治安管理'),
    ('HN-ZRZY', '自然资源局（不动产登记中心）', '不动产登记、交房即交证'),
    ('HN-MZT', '民政局', '婚姻登记、养老服务、社会救助'),
    ('HN-JYT', '教育局', '义务教育招生入学'),
    ('HN-ZJJ', '住房和城乡建设局', '供水报装、城市公用事业'),
    ('HN-GJJ', '住房公积金管理中心', '住房公积金缴存、提取、贷款'),
    ('HN-CLM', '残疾人联合会', '残疾人证、康复、救助、就业服务'),
    ('HN-SWJ', '税务局', '税务登记、发票申领');

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-WJW-GGCSWSXK', '公共场所卫生许可证核发', 'HN-WJW', 'ADMINISTRATIVE_LICENSE', 'FULLY_ONLINE', 0, 20, true, false, 0, '不收费',
     '["具有固定的经营场所，卫生设施、布局和流程符合公共场所卫生标准和要求", "从业人员取得有效健康合格证明", "建立卫生管理制度，配备专（兼）职卫生管理人员"]',
     '实行告知承诺制“秒批”：在政务服务自助一体机或“湘易办”上刷脸实名登录，填写场所信息，网签电子告知承诺书，经 AI 智能审批后当场出证，全程约 1 分半钟。承诺不实的，依法撤销许可并记入信用记录。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "businessAddress", "legalRepresentative", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "businessAddress": {"type": "string", "title": "经营场所", "maxLength": 200}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "unifiedCreditCode": {"type": "string", "title": "统一社会信用代码", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}}, "additionalProperties": false}'::jsonb,
     true, 'PUBLIC_PLACE_HYGIENE_LICENCE', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-WJW-GGCSWSXK', 0, '公共场所卫生许可申请表', NULL, true, NULL, false),
    ('HN-WJW-GGCSWSXK', 1, '营业执照', NULL, true, 'BUSINESS_LICENSE', false),
    ('HN-WJW-GGCSWSXK', 2, '法定代表人身份证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-WJW-GGCSWSXK', 3, '从业人员健康合格证明', NULL, true, NULL, true),
    ('HN-WJW-GGCSWSXK', 4, '卫生许可告知承诺书', NULL, true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-WJW-CSYXZM', '出生医学证明首次签发', 'HN-WJW', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["在本省具有助产资质的医疗机构内出生的新生儿", "新生儿父母至少一方提供有效身份证件"]',
     '新生儿出生后由助产机构采集出生信息，父母在线确认新生儿姓名等信息后签发，可与户口登记、医保参保、社保卡申领“新生儿出生一件事”一次办理，电子证照同步归集至电子证照库。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["babyName", "babyGender", "babyBirthDate", "birthHospital", "motherName", "motherIdNumber"], "properties": {"babyName": {"type": "string", "title": "新生儿姓名", "maxLength": 50}, "babyGender": {"type": "string", "title": "新生儿性别", "enum": ["男", "女"]}, "babyBirthDate": {"type": "string", "title": "出生日期", "format": "date"}, "birthHospital": {"type": "string", "title": "出生医院", "maxLength": 100}, "motherName": {"type": "string", "title": "母亲姓名", "maxLength": 50}, "motherIdNumber": {"type": "string", "title": "母亲身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "fatherName": {"type": "string", "title": "父亲姓名", "maxLength": 50}, "fatherIdNumber": {"type": "string", "title": "父亲身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, 'BIRTH_MEDICAL_CERT', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-WJW-CSYXZM', 0, '母亲居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-WJW-CSYXZM', 1, '父亲居民身份证', NULL, false, 'RESIDENT_ID_CARD', false),
    ('HN-WJW-CSYXZM', 2, '结婚证', NULL, false, 'MARRIAGE_CERT', false),
    ('HN-WJW-CSYXZM', 3, '出生医学证明首次签发登记表', NULL, true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-SCJ-GTGSHSL', '个体工商户设立登记', 'HN-SCJ', 'ADMINISTRATIVE_LICENSE', 'FULLY_ONLINE', 1, 15, false, true, 0, '不收费',
     '["有经营能力的自然人", "有固定的经营场所", "经营范围不属于法律法规禁止的项目"]',
     '可“跨省通办”：在外地务工经商的群众通过“湘易办”或合作地区专窗提交申请，材料齐全、符合法定形式的，1 个工作日内核发营业执照，执照可免费邮寄到家。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone", "companyName", "businessAddress", "businessScope"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "businessAddress": {"type": "string", "title": "经营场所", "maxLength": 200}, "businessScope": {"type": "string", "title": "经营范围", "maxLength": 2000}}, "additionalProperties": false}'::jsonb,
     true, 'BUSINESS_LICENSE', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-SCJ-GTGSHSL', 0, '个体工商户登记（备案）申请书', NULL, true, NULL, false),
    ('HN-SCJ-GTGSHSL', 1, '经营者居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-SCJ-GTGSHSL', 2, '经营场所使用证明', '房屋产权证明或租赁协议；可先承诺后补交', true, NULL, true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-SCJ-QYSLDJ', '企业设立登记（营业执照）', 'HN-SCJ', 'ADMINISTRATIVE_LICENSE', 'FULLY_ONLINE', 1, 15, false, true, 0, '不收费',
     '["有符合规定的企业名称", "有公司住所", "股东符合法定人数，出资符合公司章程规定"]',
     '企业开办“一网通办”：企业设立登记、公章刻制、发票申领、员工参保登记、住房公积金缴存登记一表填报，2 个工作日内一次办结，营业执照与电子印章同步发放。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "legalRepresentative", "registeredCapital", "businessAddress", "businessScope", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "registeredCapital": {"type": "number", "title": "注册资本（万元）", "minimum": 0}, "businessAddress": {"type": "string", "title": "经营场所", "maxLength": 200}, "businessScope": {"type": "string", "title": "经营范围", "maxLength": 2000}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     true, 'BUSINESS_LICENSE', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-SCJ-QYSLDJ', 0, '公司登记（备案）申请书', NULL, true, NULL, false),
    ('HN-SCJ-QYSLDJ', 1, '公司章程', NULL, true, NULL, false),
    ('HN-SCJ-QYSLDJ', 2, '股东主体资格证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-SCJ-QYSLDJ', 3, '法定代表人、董事、监事和经理的任职文件', NULL, true, NULL, false),
    ('HN-SCJ-QYSLDJ', 4, '住所使用证明', NULL, true, NULL, true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-RST-SYDJ', '失业登记', 'HN-RST', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 0, 0, true, true, 0, '不收费',
     '["法定劳动年龄内、有劳动能力和就业要求", "处于无业状态"]',
     '即时办结：在常住地、户籍地或参保地均可办理，可通过“湘易办”全程网办，也可在合作地区“跨省通办”专窗办理，办理后可享受职业介绍、职业培训和失业保险待遇等服务。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone", "address"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     true, NULL, '["ELECTRONIC"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-RST-SYDJ', 0, '居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-RST-SYDJ', 1, '与原单位解除、终止劳动关系的证明', NULL, false, NULL, true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-YBJ-YDJYBA', '异地就医结算备案', 'HN-YBJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 0, 0, true, true, 0, '不收费',
     '["参加本省基本医疗保险", "属于异地长期居住、常驻异地工作、异地转诊就医或临时外出就医人员"]',
     '从提出申请到办理完成全部“线上办”，无需两地跑、无需纸质表格：通过“湘易办”或国家医保服务平台选择备案类型和就医地，提交个人承诺后即时生效。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     true, NULL, '["ELECTRONIC"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-YBJ-YDJYBA', 0, '居民身份证或社会保障卡', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-YBJ-YDJYBA', 1, '异地居住或工作承诺书', '异地长期居住人员以个人承诺代替居住证明', true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-YBJ-CBDJ', '城乡居民基本医疗保险参保登记', 'HN-YBJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["未参加职工基本医疗保险的城乡居民", "新生儿出生后可随父母参保"]',
     '新生儿可在“新生儿出生一件事”中同步参保，出生当年参保缴费的，自出生之日起享受医保待遇。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["babyName", "babyBirthDate", "motherName", "motherIdNumber", "householdAddress"], "properties": {"babyName": {"type": "string", "title": "新生儿姓名", "maxLength": 50}, "babyBirthDate": {"type": "string", "title": "出生日期", "format": "date"}, "motherName": {"type": "string", "title": "母亲姓名", "maxLength": 50}, "motherIdNumber": {"type": "string", "title": "母亲身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "householdAddress": {"type": "string", "title": "申报户口所在地", "maxLength": 200}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-YBJ-CBDJ', 0, '出生医学证明', NULL, true, 'BIRTH_MEDICAL_CERT', false),
    ('HN-YBJ-CBDJ', 1, '户口簿', NULL, true, 'HOUSEHOLD_REGISTER', true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-GAT-XSEHK', '新生儿入户（出生登记）', 'HN-GAT', 'ADMINISTRATIVE_CONFIRMATION', 'AT_MOST_ONE_VISIT', 2, 5, false, true, 0, '不收费',
     '["新生儿出生后一个月内由监护人申报", "随父或随母落户，申报地为父母一方户口所在地"]',
     '可与出生医学证明、医保参保、社保卡申领一件事一次办；在外地工作的父母可通过“跨省通办”专窗线上提交、免费邮寄户口簿，两个工作日内办结。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["babyName", "babyGender", "babyBirthDate", "motherName", "motherIdNumber", "householdAddress"], "properties": {"babyName": {"type": "string", "title": "新生儿姓名", "maxLength": 50}, "babyGender": {"type": "string", "title": "新生儿性别", "enum": ["男", "女"]}, "babyBirthDate": {"type": "string", "title": "出生日期", "format": "date"}, "motherName": {"type": "string", "title": "母亲姓名", "maxLength": 50}, "motherIdNumber": {"type": "string", "title": "母亲身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "householdAddress": {"type": "string", "title": "申报户口所在地", "maxLength": 200}, "fatherName": {"type": "string", "title": "父亲姓名", "maxLength": 50}, "fatherIdNumber": {"type": "string", "title": "父亲身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, 'HOUSEHOLD_REGISTER', '["WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-GAT-XSEHK', 0, '出生医学证明', NULL, true, 'BIRTH_MEDICAL_CERT', false),
    ('HN-GAT-XSEHK', 1, '父母居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-GAT-XSEHK', 2, '父母户口簿', NULL, true, 'HOUSEHOLD_REGISTER', false),
    ('HN-GAT-XSEHK', 3, '结婚证', NULL, false, 'MARRIAGE_CERT', true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-GAT-SFZHL', '居民身份证换领', 'HN-GAT', 'ADMINISTRATIVE_CONFIRMATION', 'AT_MOST_ONE_VISIT', 20, 60, false, true, 0, '不收费',
     '["居民身份证有效期满或将在三个月内期满", "证件严重损坏不能辨认或登记项目变更"]',
     '可“跨省通办”：在非户籍地公安机关户政窗口采集人像、指纹后受理，制证后可选择窗口领取或免费邮寄到家。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     false, 'RESIDENT_ID_CARD', '["WINDOW_PICKUP", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-GAT-SFZHL', 0, '原居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-GAT-SFZHL', 1, '户口簿', NULL, true, 'HOUSEHOLD_REGISTER', true),
    ('HN-GAT-SFZHL', 2, '符合标准的证件照片', '现场免费采集', false, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-GAT-GZKZ', '公章刻制备案', 'HN-GAT', 'OTHER_POWER', 'FULLY_ONLINE', 1, 1, false, false, 0, '不收费',
     '["已领取营业执照的企业", "选择经公安机关备案的印章刻制企业"]',
     '企业开办“一件事”联办事项，营业执照核发后同步推送，刻制企业免费刻制首套公章并发放电子印章。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "unifiedCreditCode", "legalRepresentative", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "unifiedCreditCode": {"type": "string", "title": "统一社会信用代码", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["WINDOW_PICKUP", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-GAT-GZKZ', 0, '营业执照', NULL, true, 'BUSINESS_LICENSE', false),
    ('HN-GAT-GZKZ', 1, '法定代表人居民身份证', NULL, true, 'RESIDENT_ID_CARD', false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-SWJ-FPSL', '发票申领', 'HN-SWJ', 'OTHER_POWER', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["已办理涉税信息确认的纳税人"]',
     '企业开办“一件事”联办事项，新办纳税人首次申领发票与设立登记一并办理，数电发票无需领用实物。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "unifiedCreditCode", "legalRepresentative", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "unifiedCreditCode": {"type": "string", "title": "统一社会信用代码", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     true, NULL, '["ELECTRONIC", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-SWJ-FPSL', 0, '营业执照', NULL, true, 'BUSINESS_LICENSE', false),
    ('HN-SWJ-FPSL', 1, '经办人居民身份证', NULL, true, 'RESIDENT_ID_CARD', false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-RST-YGCBDJ', '单位员工社会保险参保登记', 'HN-RST', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["依法设立的用人单位", "自用工之日起三十日内为职工申请参保"]',
     '企业开办“一件事”联办事项，设立登记信息自动推送，单位参保登记与职工增员一并办理。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "unifiedCreditCode", "legalRepresentative", "employeeCount", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "unifiedCreditCode": {"type": "string", "title": "统一社会信用代码", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "employeeCount": {"type": "integer", "title": "参保职工人数", "minimum": 1}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-RST-YGCBDJ', 0, '营业执照', NULL, true, 'BUSINESS_LICENSE', false),
    ('HN-RST-YGCBDJ', 1, '职工花名册', NULL, true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-GJJ-JCDJ', '住房公积金单位缴存登记', 'HN-GJJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["新设立的单位自设立之日起三十日内办理"]',
     '企业开办“一件事”联办事项，与设立登记一表填报，无需另行提交营业执照。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["companyName", "unifiedCreditCode", "legalRepresentative", "employeeCount", "phone"], "properties": {"companyName": {"type": "string", "title": "企业名称", "maxLength": 100}, "unifiedCreditCode": {"type": "string", "title": "统一社会信用代码", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}, "legalRepresentative": {"type": "string", "title": "法定代表人", "maxLength": 50}, "employeeCount": {"type": "integer", "title": "参保职工人数", "minimum": 1}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-GJJ-JCDJ', 0, '营业执照', NULL, true, 'BUSINESS_LICENSE', false),
    ('HN-GJJ-JCDJ', 1, '单位缴存登记表', NULL, true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-GJJ-ZFGJJTQ', '住房公积金提取（购房、租房）', 'HN-GJJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 3, false, true, 0, '不收费',
     '["正常缴存住房公积金", "购买、建造、翻建、大修自住住房或租房自住"]',
     '通过“湘易办”在线提交，购房信息、不动产权证书通过数据共享自动核验，审核通过后提取金额转入本人银行卡。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "propertyCertificateNo": {"type": "string", "title": "不动产权证书号", "maxLength": 64}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-GJJ-ZFGJJTQ', 0, '居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-GJJ-ZFGJJTQ', 1, '不动产权证书或购房合同', NULL, true, 'REAL_ESTATE_CERT', false),
    ('HN-GJJ-ZFGJJTQ', 2, '本人银行卡', NULL, true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-RST-SBKSL', '社会保障卡申领', 'HN-RST', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 5, 20, false, true, 0, '不收费',
     '["已参加社会保险或新生儿办理参保登记"]',
     '可与“新生儿出生一件事”一次申领，首次申领免费，制卡完成后可选择网点领取或免费邮寄，电子社保卡即时可用。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     false, 'SOCIAL_SECURITY_CARD', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-RST-SBKSL', 0, '居民身份证或户口簿', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-RST-SBKSL', 1, '本人近期彩色证件照片', '可使用公安户籍照片', false, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-ZRZY-BDCZYDJ', '不动产转移登记（二手房）', 'HN-ZRZY', 'ADMINISTRATIVE_CONFIRMATION', 'AT_MOST_ONE_VISIT', 3, 30, false, false, 0, '不收费',
     '["买卖双方签订存量房买卖合同", "已完成交易税费缴纳"]',
     '不动产交易、税款征收、登记“一窗受理”，通过部门数据共享免交户籍、婚姻、营业执照等材料，办结后颁发电子不动产权证书并可邮寄纸质证书。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["propertyCertificateNo", "propertyAddress", "buyerName", "buyerIdNumber", "applicantName", "applicantIdNumber", "phone"], "properties": {"propertyCertificateNo": {"type": "string", "title": "不动产权证书号", "maxLength": 64}, "propertyAddress": {"type": "string", "title": "不动产坐落", "maxLength": 200}, "buyerName": {"type": "string", "title": "买受人姓名", "maxLength": 50}, "buyerIdNumber": {"type": "string", "title": "买受人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, 'REAL_ESTATE_CERT', '["ELECTRONIC", "WINDOW_PICKUP", "POSTAL"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-ZRZY-BDCZYDJ', 0, '不动产登记申请书', NULL, true, NULL, false),
    ('HN-ZRZY-BDCZYDJ', 1, '买卖双方身份证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-ZRZY-BDCZYDJ', 2, '原不动产权证书', NULL, true, 'REAL_ESTATE_CERT', false),
    ('HN-ZRZY-BDCZYDJ', 3, '存量房买卖合同', NULL, true, NULL, false),
    ('HN-ZRZY-BDCZYDJ', 4, '完税凭证', NULL, true, NULL, true),
    ('HN-ZRZY-BDCZYDJ', 5, '婚姻状况证明', NULL, false, 'MARRIAGE_CERT', false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-ZRZY-BDCSCDJ', '新建商品房首次登记及转移登记（交房即交证）', 'HN-ZRZY', 'ADMINISTRATIVE_CONFIRMATION', 'AT_MOST_ONE_VISIT', 1, 30, false, false, 0, '不收费',
     '["房地产开发项目已竣工验收并完成首次登记", "购房人已缴清房款和税费"]',
     '“交房即交证”：房屋交付当日同步领取不动产权证书，利用区块链共享交易、税款、户籍、营业执照、测绘等信息，购房人无需重复提交材料。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["propertyAddress", "buyerName", "buyerIdNumber", "phone"], "properties": {"propertyAddress": {"type": "string", "title": "不动产坐落", "maxLength": 200}, "buyerName": {"type": "string", "title": "买受人姓名", "maxLength": 50}, "buyerIdNumber": {"type": "string", "title": "买受人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, 'REAL_ESTATE_CERT', '["ELECTRONIC", "WINDOW_PICKUP"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-ZRZY-BDCSCDJ', 0, '购房合同', NULL, true, NULL, false),
    ('HN-ZRZY-BDCSCDJ', 1, '购房人身份证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-ZRZY-BDCSCDJ', 2, '完税凭证', NULL, true, NULL, true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-ZJJ-YSBZ', '用水报装', 'HN-ZJJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 3, 10, false, false, 0, '不收费',
     '["用水地址位于供水管网覆盖范围内", "具有用水地址的产权或使用权证明"]',
     '“用水一件事”：线上申请、免费上门勘察，无外线工程的 3 个工作日内完成通水。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "phone", "propertyAddress"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "propertyAddress": {"type": "string", "title": "不动产坐落", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     true, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-ZJJ-YSBZ', 0, '申请人身份证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-ZJJ-YSBZ', 1, '用水地址产权或使用权证明', NULL, true, 'REAL_ESTATE_CERT', true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-ZJJ-YSGH', '供水过户', 'HN-ZJJ', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 1, 5, false, false, 0, '不收费',
     '["房屋产权已转移登记", "原户号无欠费"]',
     '与不动产转移登记联动办理，登记完成后自动推送，新业主无需另跑供水营业厅。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["waterAccountNo", "propertyAddress", "buyerName", "buyerIdNumber", "phone"], "properties": {"waterAccountNo": {"type": "string", "title": "用水户号", "maxLength": 32}, "propertyAddress": {"type": "string", "title": "不动产坐落", "maxLength": 200}, "buyerName": {"type": "string", "title": "买受人姓名", "maxLength": 50}, "buyerIdNumber": {"type": "string", "title": "买受人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-ZJJ-YSGH', 0, '新业主身份证明', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-ZJJ-YSGH', 1, '不动产权证书', NULL, true, 'REAL_ESTATE_CERT', false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-MZT-JHDJYY', '结婚登记预约', 'HN-MZT', 'PUBLIC_SERVICE', 'AT_MOST_ONE_VISIT', 0, 0, true, false, 0, '不收费',
     '["男女双方完全自愿", "男年满二十二周岁、女年满二十周岁", "双方均无配偶且不属于禁止结婚情形"]',
     '在线预约登记日期和登记机关，按预约时间双方共同到场，当场颁发结婚证，可同步领取电子婚姻登记证。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, 'MARRIAGE_CERT', '["WINDOW_PICKUP"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-MZT-JHDJYY', 0, '双方居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-MZT-JHDJYY', 1, '双方户口簿', NULL, true, 'HOUSEHOLD_REGISTER', true),
    ('HN-MZT-JHDJYY', 2, '双方近期半身免冠合影照片', '可在登记机关现场拍摄', true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-MZT-GLJTSL', '高龄津贴申领', 'HN-MZT', 'ADMINISTRATIVE_PAYMENT', 'FULLY_ONLINE', 10, 20, false, false, 0, '不收费',
     '["本地户籍", "年满八十周岁的老年人"]',
     '符合条件的老年人或其代办人在线申请，身份和户籍信息自动核验，审核通过后按月发放至本人社会保障卡。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone", "address"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-MZT-GLJTSL', 0, '老年人居民身份证', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-MZT-GLJTSL', 1, '户口簿', NULL, true, 'HOUSEHOLD_REGISTER', false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-JYT-ZXXZSBM', '中小学招生入学报名', 'HN-JYT', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 10, 30, false, false, 0, '不收费',
     '["适龄儿童少年", "户籍或监护人居住地在学区范围内"]',
     '通过“湘易办”中小学招生报名应用在线填报，户籍、不动产、社保等信息共享核验，免交纸质证明。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "householdAddress", "phone"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "householdAddress": {"type": "string", "title": "申报户口所在地", "maxLength": 200}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}}, "additionalProperties": false}'::jsonb,
     false, NULL, '["ELECTRONIC"]', true);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-JYT-ZXXZSBM', 0, '户口簿', NULL, true, 'HOUSEHOLD_REGISTER', false),
    ('HN-JYT-ZXXZSBM', 1, '房屋产权证明或居住证明', NULL, true, 'REAL_ESTATE_CERT', true);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-CLM-CJRZXB', '残疾人证新办', 'HN-CLM', 'PUBLIC_SERVICE', 'AT_MOST_ONE_VISIT', 20, 30, false, false, 0, '不收费',
     '["符合残疾标准的本地户籍居民", "经指定医疗机构残疾评定"]',
     '“智慧助残”：线上申请、预约评残，评定结果线上推送，审核通过后核发第三代智能化残疾人证，可邮寄到家。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone", "address"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     false, 'DISABILITY_CERT', '["WINDOW_PICKUP", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-CLM-CJRZXB', 0, '居民身份证或户口簿', NULL, true, 'RESIDENT_ID_CARD', false),
    ('HN-CLM-CJRZXB', 1, '近期免冠彩色照片', NULL, true, NULL, false),
    ('HN-CLM-CJRZXB', 2, '残疾评定表', '由指定医疗机构出具', true, NULL, false);

INSERT INTO catalog_item (code, name, department_code, kind, online_depth, promised_days, legal_days, instant, cross_province, fee, fee_note, conditions, guide, form_schema, commitment_allowed, result_certificate_type, delivery_options, featured) VALUES
    ('HN-CLM-CJRZHL', '残疾人证换领', 'HN-CLM', 'PUBLIC_SERVICE', 'FULLY_ONLINE', 10, 20, false, false, 0, '不收费',
     '["残疾人证有效期满或损毁"]',
     '残疾状况无变化的，凭原证在线申请换领，无需重新评残；换领后的新证可免费邮寄。',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["applicantName", "applicantIdNumber", "phone", "address"], "properties": {"applicantName": {"type": "string", "title": "申请人姓名", "maxLength": 50}, "applicantIdNumber": {"type": "string", "title": "申请人身份证号码", "pattern": "^[0-9]{17}[0-9Xx]$"}, "phone": {"type": "string", "title": "联系电话", "pattern": "^1[3-9][0-9]{9}$"}, "address": {"type": "string", "title": "联系地址", "maxLength": 200}}, "additionalProperties": false}'::jsonb,
     false, 'DISABILITY_CERT', '["WINDOW_PICKUP", "POSTAL"]', false);
INSERT INTO catalog_material (item_code, position, name, description, required, replaceable_by, tolerated_if_missing) VALUES
    ('HN-CLM-CJRZHL', 0, '原残疾人证', NULL, true, 'DISABILITY_CERT', false),
    ('HN-CLM-CJRZHL', 1, '近期免冠彩色照片', NULL, true, NULL, false);

INSERT INTO catalog_bundle (code, name, description, promised_days) VALUES ('NEWBORN', '新生儿出生一件事', '出生医学证明、户口登记、医保参保、社保卡申领一表申请、一次办好，可全程网办并免费邮寄证件。', 5);
INSERT INTO catalog_bundle_item (bundle_code, position, item_code) VALUES ('NEWBORN', 0, 'HN-WJW-CSYXZM'), ('NEWBORN', 1, 'HN-GAT-XSEHK'), ('NEWBORN', 2, 'HN-YBJ-CBDJ'), ('NEWBORN', 3, 'HN-RST-SBKSL');

INSERT INTO catalog_bundle (code, name, description, promised_days) VALUES ('BUSINESS_START', '企业开办一件事', '企业设立登记、公章刻制、发票申领、员工参保登记、住房公积金缴存登记“一网通办”，2 个工作日内一次办结。', 2);
INSERT INTO catalog_bundle_item (bundle_code, position, item_code) VALUES ('BUSINESS_START', 0, 'HN-SCJ-QYSLDJ'), ('BUSINESS_START', 1, 'HN-GAT-GZKZ'), ('BUSINESS_START', 2, 'HN-SWJ-FPSL'), ('BUSINESS_START', 3, 'HN-RST-YGCBDJ'), ('BUSINESS_START', 4, 'HN-GJJ-JCDJ');

INSERT INTO catalog_bundle (code, name, description, promised_days) VALUES ('PROPERTY_TRANSFER', '二手房交易登记一件事', '不动产转移登记与供水过户联动办理，登记完成即过户，免交重复材料。', 3);
INSERT INTO catalog_bundle_item (bundle_code, position, item_code) VALUES ('PROPERTY_TRANSFER', 0, 'HN-ZRZY-BDCZYDJ'), ('PROPERTY_TRANSFER', 1, 'HN-ZJJ-YSGH');

INSERT INTO home_banner (id, title, image_url, target_url, position) VALUES
    ('newborn-2026', '新生儿出生一件事，一次办好', 'https://static.banhao.app/banners/newborn.png', 'banhao://bundles/NEWBORN', 1),
    ('business-start', '企业开办 2 个工作日办结', 'https://static.banhao.app/banners/business-start.png', 'banhao://bundles/BUSINESS_START', 2),
    ('hygiene-licence', '公共场所卫生许可 1 分半钟秒批', 'https://static.banhao.app/banners/hygiene.png', 'banhao://items/HN-WJW-GGCSWSXK', 3);

INSERT INTO home_news (id, title, summary, source, published_at) VALUES
    ('kscx-nanhai', '湘阴与佛山南海区签订“跨省通办”合作协议', '推出 418 项可跨省办理事项，涉及企业开办、经营、户籍、就业、参保等领域，惠及在佛山工作、经商的近 6 万湘阴群众。', '省政务服务和大数据中心', '2026-03-02T09:00:00+08:00'),
    ('miaopi-hygiene', '公共场所卫生许可证“秒批秒办”', '刷脸实名登录、网签电子承诺书、AI 智能审批，当场出证，全程只需 1 分半钟。', '市行政审批服务局', '2026-02-26T09:00:00+08:00'),
    ('compress-80', '市本级事项承诺时限压缩率达 80%', '持续减时限、减材料、减环节、减跑动，推出主题式、套餐式“一件事”服务场景 32 项。', '市行政审批服务局', '2026-02-20T09:00:00+08:00'),
    ('live-57', '政务直播已开展 57 场', '录制高频事项导办视频，为异地群众“云上办”，推出企业开办等直播专场 23 个。', '市行政审批服务局', '2026-02-12T09:00:00+08:00'),
    ('jiaofang-jiaozheng', '新建商品房实现“交房即交证”', '依托区块链共享 25 家部门 46 类数据，购房人交房当日即可领取不动产权证书。', '市自然资源和规划局', '2026-01-15T09:00:00+08:00');
