-- Aliases residents type for the seeded items (社保 → 社会保障卡申领, 身份证 → 居民身份证换领, 开公司 → 企业设立登记),
-- drawn from the reform reports (../shared/reports) and what 12345 hotlines hear. Stored as V430 describes
-- (' a b '); the pinyin columns are derived from them at start (catalog/SearchIndexer), so search_rev is reset.
-- Administrators maintain them through the admin API (ServiceItemInput.aliases).
UPDATE catalog_item SET keywords = ' 卫生许可证 卫生许可 卫生证 公共卫生许可 美容美发卫生许可 宾馆卫生许可 ', search_rev = 0 WHERE code = 'HN-WJW-GGCSWSXK';
UPDATE catalog_item SET keywords = ' 出生证 出生证明 出生医学证明 新生儿出生证 出生一件事 ', search_rev = 0 WHERE code = 'HN-WJW-CSYXZM';
UPDATE catalog_item SET keywords = ' 个体户 个体户执照 个体营业执照 开店 个体户注册 小店执照 ', search_rev = 0 WHERE code = 'HN-SCJ-GTGSHSL';
UPDATE catalog_item SET keywords = ' 营业执照 开公司 注册公司 公司注册 企业开办 办执照 工商注册 公司设立 企业注册 ', search_rev = 0 WHERE code = 'HN-SCJ-QYSLDJ';
UPDATE catalog_item SET keywords = ' 失业 失业证 失业金 失业保险 就业失业登记 ', search_rev = 0 WHERE code = 'HN-RST-SYDJ';
UPDATE catalog_item SET keywords = ' 异地就医 异地医保 医保备案 外地看病 跨省就医 异地报销 医保异地 ', search_rev = 0 WHERE code = 'HN-YBJ-YDJYBA';
UPDATE catalog_item SET keywords = ' 医保 医保参保 居民医保 新农合 医疗保险 城乡医保 交医保 医保缴费 ', search_rev = 0 WHERE code = 'HN-YBJ-CBDJ';
UPDATE catalog_item SET keywords = ' 上户口 新生儿户口 报户口 宝宝上户口 出生登记 新生儿落户 ', search_rev = 0 WHERE code = 'HN-GAT-XSEHK';
UPDATE catalog_item SET keywords = ' 身份证 换身份证 身份证到期 身份证换证 身份证过期 二代证 ', search_rev = 0 WHERE code = 'HN-GAT-SFZHL';
UPDATE catalog_item SET keywords = ' 刻章 公章 印章 刻公章 印章刻制 ', search_rev = 0 WHERE code = 'HN-GAT-GZKZ';
UPDATE catalog_item SET keywords = ' 发票 领发票 申领发票 开发票 税控盘 ', search_rev = 0 WHERE code = 'HN-SWJ-FPSL';
UPDATE catalog_item SET keywords = ' 员工社保 单位社保 社保参保 社保开户 员工参保 五险 社会保险登记 ', search_rev = 0 WHERE code = 'HN-RST-YGCBDJ';
UPDATE catalog_item SET keywords = ' 公积金开户 单位公积金 公积金缴存 公积金登记 ', search_rev = 0 WHERE code = 'HN-GJJ-JCDJ';
UPDATE catalog_item SET keywords = ' 公积金 住房公积金 公积金提取 提取公积金 取公积金 租房提取 购房提取 ', search_rev = 0 WHERE code = 'HN-GJJ-ZFGJJTQ';
UPDATE catalog_item SET keywords = ' 社保 社保卡 社会保障 办社保卡 补办社保卡 社保卡办理 医保卡 ', search_rev = 0 WHERE code = 'HN-RST-SBKSL';
UPDATE catalog_item SET keywords = ' 二手房 二手房过户 房产过户 房屋过户 房产证 不动产证 买房过户 ', search_rev = 0 WHERE code = 'HN-ZRZY-BDCZYDJ';
UPDATE catalog_item SET keywords = ' 交房即交证 新房房产证 商品房 新房办证 新房产证 首次登记 ', search_rev = 0 WHERE code = 'HN-ZRZY-BDCSCDJ';
UPDATE catalog_item SET keywords = ' 水表 装水表 自来水 接水 用水开户 自来水开户 ', search_rev = 0 WHERE code = 'HN-ZJJ-YSBZ';
UPDATE catalog_item SET keywords = ' 水表过户 水费过户 自来水过户 用水过户 ', search_rev = 0 WHERE code = 'HN-ZJJ-YSGH';
UPDATE catalog_item SET keywords = ' 结婚 结婚证 领证 领结婚证 婚姻登记 结婚预约 扯证 ', search_rev = 0 WHERE code = 'HN-MZT-JHDJYY';
UPDATE catalog_item SET keywords = ' 高龄津贴 高龄补贴 老人补贴 养老补贴 老年人津贴 长寿补贴 ', search_rev = 0 WHERE code = 'HN-MZT-GLJTSL';
UPDATE catalog_item SET keywords = ' 入学 上学 小学报名 初中报名 入学报名 招生 学位 一年级报名 小升初 ', search_rev = 0 WHERE code = 'HN-JYT-ZXXZSBM';
UPDATE catalog_item SET keywords = ' 残疾证 办残疾证 残疾人证 残疾评定 残疾证办理 ', search_rev = 0 WHERE code = 'HN-CLM-CJRZXB';
UPDATE catalog_item SET keywords = ' 残疾证换证 换残疾证 残疾证到期 残疾证补办 残疾证换领 ', search_rev = 0 WHERE code = 'HN-CLM-CJRZHL';
