-- seeds/01_classification.sql — reference data for func_code and econ_code (run after schema.sql).
--
-- func_code: 支出功能分类科目 (类 3 digits, 款 5, 项 7). econ_code: 部门预算支出经济分类 (类 3 digits, 款 5).
--
-- Sources, with the abbreviations used in the row comments (line numbers are 1-based lines of
-- the file as given, files under /work/shared/disclosures/ unless noted):
--   D  = /work/shared/DOMAIN.md: §2.2 类 list lines 97-126, §2.3 款/项 codes lines 132-146,
--        §2.4 经济分类 lines 152-165
--   S  = 000_aa60969cd7f058a1.txt (Sichuan, FY 2023): its 附表 are not included, so its 款/项 come
--        from the prose of 一般公共预算财政拨款支出决算具体情况, lines 82-102
--        (e.g. 一般公共服务(201）商贸事务(13）招商引资(08）)
--   CZ = 2024-shanghai-putuo-caizhengju.txt (FY 2024): 收入决算表 lines 143-177, 支出决算表 180-220,
--        一般公共预算财政拨款支出决算表 283-309, 一般公共预算财政拨款基本支出决算表 312-423
--        (codes printed as 201 06 01 and, in the 基本支出 table, 302 / 01 on two lines: cited a-b)
--   GH = 2024-shanghai-putuo-guihuaziyuanju.txt (FY 2024): 收入决算表 160-196, 支出决算表 199-236,
--        一般公共预算财政拨款支出决算表 282-343, 一般公共预算财政拨款基本支出决算表 346-419
--   SG = 2024-shanghai-putuo-shehuigongzuobu.txt (FY 2024): 收入决算表 110-139, 支出决算表 142-173,
--        一般公共预算财政拨款支出决算表 221-260, 一般公共预算财政拨款基本支出决算表 263-321
--   [K] = official name from general domain knowledge, printed in none of the sources above
--
-- Names: as printed in the documents' tables (the seed: its prose), wrapped cells joined.
-- 类 rows of func_code use the official 类 names of DOMAIN §2.2 (the seed's prose shortens them,
-- e.g. 一般公共服务 for 201). Where no document prints a code, the DOMAIN §2.3 / §2.4 name is used.
-- Years: no code is printed with one name in the seed (2023) and another in the Shanghai
-- documents (2024), so every row is valid from 2023 on (from_year 2023, to_year NULL).
-- Ordered by code, one INSERT per 类.

------------------------------------------------------------------------------------------------
-- func_code
------------------------------------------------------------------------------------------------

-- 201 一般公共服务支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 97,132-136
--      000_aa60969cd7f058a1.txt lines 82-89
--      2024-shanghai-putuo-caizhengju.txt lines 153-158,192-201,290-295
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 118-122,150-154,229-235
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('201',     2023, NULL, '一般公共服务支出'),                           -- D 97 | CZ 153,192,290 | SG 118,150,229
    ('20105',   2023, NULL, '统计信息事务'),                               -- D 134
    ('2010505', 2023, NULL, '专项统计业务'),                               -- D 134
    ('2010506', 2023, NULL, '统计管理'),                                   -- D 134
    ('20106',   2023, NULL, '财政事务'),                                   -- D 133 | CZ 154,194,291
    ('2010601', 2023, NULL, '行政运行'),                                   -- D 133 | CZ 155,196,292
    ('2010602', 2023, NULL, '一般行政管理事务'),                           -- D 133 | CZ 156,197,293
    ('2010607', 2023, NULL, '信息化建设'),                                 -- D 133 | CZ 157,199,294
    ('2010608', 2023, NULL, '财政委托业务支出'),                           -- D 133 | CZ 158,201,295
    ('20113',   2023, NULL, '商贸事务'),                                   -- D 132 | S 82
    ('2011308', 2023, NULL, '招商引资'),                                   -- D 132 | S 82
    ('20129',   2023, NULL, '群众团体事务'),                               -- D 135
    ('2012902', 2023, NULL, '一般行政管理事务'),                           -- D 134
    ('20131',   2023, NULL, '党委办公厅（室）及相关机构事务'),             -- D 132 | S 83,85,87,89
    ('2013101', 2023, NULL, '行政运行'),                                   -- D 132 | S 83
    ('2013105', 2023, NULL, '专项业务'),                                   -- D 132 | S 85
    ('2013150', 2023, NULL, '事业运行'),                                   -- D 132 | S 87
    ('2013199', 2023, NULL, '其他党委办公厅（室）及相关机构事务支出'),     -- D 132 | S 89
    ('20132',   2023, NULL, '组织事务'),                                   -- D 135
    ('2013202', 2023, NULL, '一般行政管理事务'),                           -- D 134
    ('20133',   2023, NULL, '宣传事务'),                                   -- D 135
    ('2013302', 2023, NULL, '一般行政管理事务'),                           -- D 134
    ('20134',   2023, NULL, '统战事务'),                                   -- D 135
    ('2013402', 2023, NULL, '一般行政管理事务'),                           -- D 134
    ('20138',   2023, NULL, '市场监督管理事务'),                           -- D 135
    ('2013802', 2023, NULL, '一般行政管理事务'),                           -- D 134
    ('20139',   2023, NULL, '社会工作事务'),                               -- D 136 | SG 119,151,231
    ('2013901', 2023, NULL, '行政运行'),                                   -- D 135 | SG 120,152,232
    ('2013950', 2023, NULL, '事业运行'),                                   -- D 135 | SG 121,153,233
    ('2013999', 2023, NULL, '其他社会工作事务支出');                       -- D 136 | SG 122,154,235

-- 202 外交支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 98
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('202',     2023, NULL, '外交支出');     -- D 98

-- 203 国防支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 99
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('203',     2023, NULL, '国防支出');     -- D 99

-- 204 公共安全支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 100,132-136
--      000_aa60969cd7f058a1.txt lines 91
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('204',     2023, NULL, '公共安全支出'),         -- D 100
    ('20406',   2023, NULL, '司法'),                 -- D 132 | S 91
    ('2040601', 2023, NULL, '行政运行'),             -- D 132 | S 91
    ('2040607', 2023, NULL, '公共法律服务'),         -- D 136
    ('20499',   2023, NULL, '其他公共安全支出'),     -- D 136  [K] official name, parent of 2049999 (DOMAIN lists only the 项)
    ('2049999', 2023, NULL, '其他公共安全支出');     -- D 136

-- 205 教育支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 101,136
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('205',     2023, NULL, '教育支出'),         -- D 101
    ('20599',   2023, NULL, '其他教育支出'),     -- D 136  [K] official name, parent of 2059999 (DOMAIN lists only the 项)
    ('2059999', 2023, NULL, '其他教育支出');     -- D 136

-- 206 科学技术支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 102,137
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('206',     2023, NULL, '科学技术支出'),     -- D 102
    ('20607',   2023, NULL, '科学技术普及'),     -- D 137
    ('2060702', 2023, NULL, '科普活动');         -- D 137

-- 207 文化旅游体育与传媒支出 ------------------------------------------------------------------
-- from DOMAIN.md lines 103,137-140
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('207',     2023, NULL, '文化旅游体育与传媒支出'),         -- D 103
    ('20701',   2023, NULL, '文化和旅游'),                     -- D 139
    ('2070101', 2023, NULL, '行政运行'),                       -- D 137
    ('2070104', 2023, NULL, '图书馆'),                         -- D 137
    ('2070105', 2023, NULL, '文化展示及纪念机构'),             -- D 137
    ('2070108', 2023, NULL, '文化活动'),                       -- D 137
    ('2070109', 2023, NULL, '群众文化'),                       -- D 137
    ('2070110', 2023, NULL, '文化和旅游交流与合作'),           -- D 138
    ('2070111', 2023, NULL, '文化创作与保护'),                 -- D 138
    ('2070112', 2023, NULL, '文化和旅游市场管理'),             -- D 138
    ('2070113', 2023, NULL, '旅游宣传'),                       -- D 138
    ('2070114', 2023, NULL, '文化和旅游管理事务'),             -- D 138
    ('2070199', 2023, NULL, '其他文化和旅游支出'),             -- D 139
    ('20703',   2023, NULL, '体育'),                           -- D 139
    ('2070308', 2023, NULL, '群众体育'),                       -- D 139
    ('20709',   2023, NULL, '旅游发展基金支出'),               -- D 139
    ('2070904', 2023, NULL, '地方旅游开发项目补助'),           -- D 139
    ('20799',   2023, NULL, '其他文化旅游体育与传媒支出'),     -- D 140
    ('2079903', 2023, NULL, '文化产业发展专项支出'),           -- D 140
    ('2079999', 2023, NULL, '其他文化旅游体育与传媒支出');     -- D 140  [K] official name, DOMAIN gives the code without a name

-- 208 社会保障和就业支出 ----------------------------------------------------------------------
-- from DOMAIN.md lines 104,132-142
--      000_aa60969cd7f058a1.txt lines 93-96
--      2024-shanghai-putuo-caizhengju.txt lines 159-168,202-213,296-301
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 168-176,207-215,290-308
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 123-128,155-161,238-247
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('208',     2023, NULL, '社会保障和就业支出'),                   -- D 104 | CZ 159,202,296 | GH 168,207,290 | SG 123,155,238
    ('20805',   2023, NULL, '行政事业单位养老支出'),                 -- D 132 | S 93,95 | CZ 160,203,297 | GH 169,208,293 | SG 124,156,241
    ('2080501', 2023, NULL, '行政单位离退休'),                       -- D 140 | CZ 161,204,298 | GH 170,209,296
    ('2080502', 2023, NULL, '事业单位离退休'),                       -- D 140 | GH 171,210,299
    ('2080505', 2023, NULL, '机关事业单位基本养老保险缴费支出'),     -- D 132 | S 93 | CZ 162,205,299 | GH 172,211,302 | SG 126,158,244
    ('2080506', 2023, NULL, '机关事业单位职业年金缴费支出'),         -- D 141 | CZ 165,208,300 | GH 174,213,305 | SG 128,161,247
    ('2080599', 2023, NULL, '其他行政事业单位养老支出'),             -- D 132 | S 95 | CZ 168,213,301 | GH 176,215,308
    ('20807',   2023, NULL, '就业补助'),                             -- D 141
    ('2080705', 2023, NULL, '公益性岗位补贴'),                       -- D 141
    ('20808',   2023, NULL, '抚恤'),                                 -- D 141
    ('2080801', 2023, NULL, '死亡抚恤'),                             -- D 141
    ('20816',   2023, NULL, '红十字事业'),                           -- D 141
    ('2081602', 2023, NULL, '一般行政管理事务'),                     -- D 141  [K] official name, DOMAIN gives the code without a name
    ('20825',   2023, NULL, '其他生活救助'),                         -- D 142
    ('2082501', 2023, NULL, '其他城市生活救助'),                     -- D 142
    ('20899',   2023, NULL, '其他社会保障和就业支出'),               -- S 96
    ('2089999', 2023, NULL, '其他社会保障和就业支出');               -- D 132 | S 96

-- 209 社会保险基金支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 105
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('209',     2023, NULL, '社会保险基金支出');     -- D 105

-- 210 卫生健康支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 106,132-142
--      000_aa60969cd7f058a1.txt lines 98-101
--      2024-shanghai-putuo-caizhengju.txt lines 169-173,214-216,302-304
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 177-180,217-220,310-315
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 129-134,163-168,249-254
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('210',     2023, NULL, '卫生健康支出'),         -- D 106 | CZ 169,214,302 | GH 177,217,310 | SG 129,163,249
    ('21007',   2023, NULL, '计划生育事务'),         -- D 142
    ('2100717', 2023, NULL, '计划生育服务'),         -- D 142
    ('21011',   2023, NULL, '行政事业单位医疗'),     -- D 132 | S 98,99,101 | CZ 170,215,303 | GH 178,218,312 | SG 130,164,251
    ('2101101', 2023, NULL, '行政单位医疗'),         -- D 132 | S 98 | CZ 173,216,304 | GH 179,219,314 | SG 133,167,253
    ('2101102', 2023, NULL, '事业单位医疗'),         -- D 132 | S 99 | GH 180,220,315 | SG 134,168,254
    ('2101103', 2023, NULL, '公务员医疗补助');       -- D 132 | S 101

-- 211 节能环保支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 107,142
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('211',     2023, NULL, '节能环保支出'),     -- D 107
    ('21111',   2023, NULL, '污染减排'),         -- D 142
    ('2111101', 2023, NULL, '减排专项支出');     -- D 142

-- 212 城乡社区支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 108,143-145
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 183-187,223-227,316-326
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('212',     2023, NULL, '城乡社区支出'),                                             -- D 108 | GH 183,223,316
    ('21201',   2023, NULL, '城乡社区管理事务'),                                         -- D 143 | GH 184,224,318
    ('2120101', 2023, NULL, '行政运行'),                                                 -- D 143 | GH 185,225,321
    ('2120102', 2023, NULL, '一般行政管理事务'),                                         -- D 143
    ('2120104', 2023, NULL, '城管执法'),                                                 -- D 143
    ('2120199', 2023, NULL, '其他城乡社区管理事务支出'),                                 -- D 143
    ('21202',   2023, NULL, '城乡社区规划与管理'),                                       -- D 143 | GH 186,226,323
    ('2120201', 2023, NULL, '城乡社区规划与管理'),                                       -- D 143 | GH 187,227,326
    ('21203',   2023, NULL, '城乡社区公共设施'),                                         -- D 144
    ('2120399', 2023, NULL, '其他城乡社区公共设施支出'),                                 -- D 144  [K] official name, DOMAIN gives the code without a name
    ('21205',   2023, NULL, '城乡社区环境卫生'),                                         -- D 144  [K] official name, DOMAIN gives the code without a name
    ('2120501', 2023, NULL, '城乡社区环境卫生'),                                         -- D 144
    ('21219',   2023, NULL, '国有土地使用权出让收入对应专项债务收入安排的支出'),         -- D 144  [K] official name, DOMAIN gives the code without a name
    ('2121999', 2023, NULL, '其他国有土地使用权出让收入对应专项债务收入安排的支出'),     -- D 144
    ('21299',   2023, NULL, '其他城乡社区支出'),                                         -- D 145  [K] official name, DOMAIN gives the code without a name
    ('2129999', 2023, NULL, '其他城乡社区支出');                                         -- D 145  [K] official name, DOMAIN gives the code without a name

-- 213 农林水支出 ------------------------------------------------------------------------------
-- from DOMAIN.md lines 109
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('213',     2023, NULL, '农林水支出');     -- D 109

-- 214 交通运输支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 110
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('214',     2023, NULL, '交通运输支出');     -- D 110

-- 215 资源勘探工业信息等支出 ------------------------------------------------------------------
-- from DOMAIN.md lines 111,145
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('215',     2023, NULL, '资源勘探工业信息等支出'),             -- D 111
    ('21508',   2023, NULL, '支持中小企业发展和管理支出'),         -- D 145  [K] official name, DOMAIN gives the code without a name
    ('2150899', 2023, NULL, '其他支持中小企业发展和管理支出');     -- D 145

-- 216 商业服务业等支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 112
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('216',     2023, NULL, '商业服务业等支出');     -- D 112

-- 217 金融支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 113
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('217',     2023, NULL, '金融支出');     -- D 113

-- 219 援助其他地区支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 114
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('219',     2023, NULL, '援助其他地区支出');     -- D 114

-- 220 自然资源海洋气象等支出 ------------------------------------------------------------------
-- from DOMAIN.md lines 115,145
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 188-191,228-231,329-334
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('220',     2023, NULL, '自然资源海洋气象等支出'),     -- D 115 | GH 188,228,329
    ('22001',   2023, NULL, '自然资源事务'),               -- D 145 | GH 189,229,331
    ('2200150', 2023, NULL, '事业运行'),                   -- D 145 | GH 190,230,332
    ('2200199', 2023, NULL, '其他自然资源事务支出');       -- D 145 | GH 191,231,334

-- 221 住房保障支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 116,132,146
--      000_aa60969cd7f058a1.txt lines 102
--      2024-shanghai-putuo-caizhengju.txt lines 174-177,217-220,305-308
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 192-195,232-235,336-341
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 135-138,169-172,255-258
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('221',     2023, NULL, '住房保障支出'),             -- D 116 | CZ 174,217,305 | GH 192,232,336 | SG 135,169,255
    ('22102',   2023, NULL, '住房改革支出'),             -- D 132 | S 102 | CZ 175,218,306 | GH 193,233,339 | SG 136,170,256
    ('2210201', 2023, NULL, '住房公积金'),               -- D 132 | S 102 | CZ 176,219,307 | GH 194,234,340 | SG 137,171,257
    ('2210203', 2023, NULL, '购房补贴'),                 -- D 146 | CZ 177,220,308 | GH 195,235,341 | SG 138,172,258
    ('22103',   2023, NULL, '城乡社区住宅'),             -- D 146  [K] official name, DOMAIN gives the code without a name
    ('2210399', 2023, NULL, '其他城乡社区住宅支出');     -- D 146

-- 222 粮油物资储备支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 117
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('222',     2023, NULL, '粮油物资储备支出');     -- D 117

-- 223 国有资本经营预算支出 --------------------------------------------------------------------
-- from DOMAIN.md lines 118
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('223',     2023, NULL, '国有资本经营预算支出');     -- D 118

-- 224 灾害防治及应急管理支出 ------------------------------------------------------------------
-- from DOMAIN.md lines 119,146
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('224',     2023, NULL, '灾害防治及应急管理支出'),     -- D 119
    ('22402',   2023, NULL, '消防救援事务'),               -- D 146
    ('2240299', 2023, NULL, '其他消防救援事务支出');       -- D 146

-- 227 预备费 ----------------------------------------------------------------------------------
-- from DOMAIN.md lines 120
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('227',     2023, NULL, '预备费');     -- D 120

-- 229 其他支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 121
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('229',     2023, NULL, '其他支出');     -- D 121

-- 230 转移性支出 ------------------------------------------------------------------------------
-- from DOMAIN.md lines 122
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('230',     2023, NULL, '转移性支出');     -- D 122

-- 231 债务还本支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 123
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('231',     2023, NULL, '债务还本支出');     -- D 123

-- 232 债务付息支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 124
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('232',     2023, NULL, '债务付息支出');     -- D 124

-- 233 债务发行费用支出 ------------------------------------------------------------------------
-- from DOMAIN.md lines 125
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('233',     2023, NULL, '债务发行费用支出');     -- D 125

-- 234 抗疫特别国债安排的支出 ------------------------------------------------------------------
-- from DOMAIN.md lines 126
INSERT INTO func_code (code, from_year, to_year, name) VALUES
    ('234',     2023, NULL, '抗疫特别国债安排的支出');     -- D 126

------------------------------------------------------------------------------------------------
-- econ_code (部门预算支出经济分类)
------------------------------------------------------------------------------------------------

-- 301 工资福利支出 ----------------------------------------------------------------------------
-- from DOMAIN.md lines 152-154
--      2024-shanghai-putuo-caizhengju.txt lines 319-358
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 351-372
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 268-287
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('301',   2023, NULL, '工资福利支出'),                     -- D 152 | CZ 319 | GH 351 | SG 268
    ('30101', 2023, NULL, '基本工资'),                         -- D 152 | CZ 322 | GH 352 | SG 269
    ('30102', 2023, NULL, '津贴补贴'),                         -- D 152 | CZ 326 | GH 353 | SG 270
    ('30103', 2023, NULL, '奖金'),                             -- D 152 | CZ 328 | GH 354 | SG 271
    ('30106', 2023, NULL, '伙食补助费'),                       -- D 152 | CZ 331 | GH 355 | SG 272
    ('30107', 2023, NULL, '绩效工资'),                         -- D 152 | CZ 333 | GH 356 | SG 273
    ('30108', 2023, NULL, '机关事业单位基本养老保险缴费'),     -- D 153 | CZ 336 | GH 358 | SG 275
    ('30109', 2023, NULL, '职业年金缴费'),                     -- D 153 | CZ 340 | GH 360 | SG 277
    ('30110', 2023, NULL, '职工基本医疗保险缴费'),             -- D 153 | CZ 343 | GH 362 | SG 279
    ('30111', 2023, NULL, '公务员医疗补助缴费'),               -- D 153 | CZ 345 | GH 364 | SG 282
    ('30112', 2023, NULL, '其他社会保障缴费'),                 -- D 154 | CZ 348 | GH 366 | SG 284
    ('30113', 2023, NULL, '住房公积金'),                       -- D 154 | CZ 351 | GH 368 | SG 285
    ('30114', 2023, NULL, '医疗费'),                           -- D 154 | CZ 355 | GH 370 | SG 286
    ('30199', 2023, NULL, '其他工资福利支出');                 -- D 154 | CZ 358 | GH 372 | SG 287

-- 302 商品和服务支出 --------------------------------------------------------------------------
-- from DOMAIN.md lines 155-158
--      2024-shanghai-putuo-caizhengju.txt lines 319-397
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 351-400
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 268-303
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('302',   2023, NULL, '商品和服务支出'),         -- D 155 | CZ 319 | GH 351 | SG 268
    ('30201', 2023, NULL, '办公费'),                 -- D 155 | CZ 322-323 | GH 352 | SG 269
    ('30202', 2023, NULL, '印刷费'),                 -- D 155 | CZ 326-327 | GH 353 | SG 270
    ('30203', 2023, NULL, '咨询费'),                 -- D 155 | CZ 328-329 | GH 354 | SG 271
    ('30204', 2023, NULL, '手续费'),                 -- D 155 | CZ 331-332 | GH 355 | SG 272
    ('30205', 2023, NULL, '水费'),                   -- D 155 | CZ 333-334 | GH 356 | SG 273
    ('30206', 2023, NULL, '电费'),                   -- D 155 | CZ 336-337 | GH 358 | SG 275
    ('30207', 2023, NULL, '邮电费'),                 -- D 155 | CZ 340-341 | GH 360 | SG 277
    ('30208', 2023, NULL, '取暖费'),                 -- D 156 | CZ 343-344 | GH 362 | SG 279
    ('30209', 2023, NULL, '物业管理费'),             -- D 156 | CZ 345-346 | GH 364 | SG 282
    ('30211', 2023, NULL, '差旅费'),                 -- D 156 | CZ 348-349 | GH 366 | SG 284
    ('30212', 2023, NULL, '因公出国（境）费用'),     -- D 156 | CZ 351-352 | GH 368 | SG 285
    ('30213', 2023, NULL, '维修（护）费'),           -- D 156 | CZ 355-356 | GH 370 | SG 286
    ('30214', 2023, NULL, '租赁费'),                 -- D 156 | CZ 358-359 | GH 372 | SG 287
    ('30215', 2023, NULL, '会议费'),                 -- D 156 | CZ 361-362 | GH 374 | SG 288
    ('30216', 2023, NULL, '培训费'),                 -- D 157 | CZ 364-365 | GH 376 | SG 289
    ('30217', 2023, NULL, '公务接待费'),             -- D 157 | CZ 367-368 | GH 378 | SG 290
    ('30218', 2023, NULL, '专用材料费'),             -- D 157 | CZ 369-370 | GH 380 | SG 291
    ('30224', 2023, NULL, '被装购置费'),             -- D 157 | CZ 371 | GH 382 | SG 292
    ('30225', 2023, NULL, '专用燃料费'),             -- D 157 | CZ 374-375 | GH 384 | SG 293
    ('30226', 2023, NULL, '劳务费'),                 -- D 157 | CZ 377-378 | GH 386 | SG 294
    ('30227', 2023, NULL, '委托业务费'),             -- D 157 | CZ 379-380 | GH 388 | SG 295
    ('30228', 2023, NULL, '工会经费'),               -- D 158 | CZ 382-383 | GH 390 | SG 296
    ('30229', 2023, NULL, '福利费'),                 -- D 158 | CZ 385-386 | GH 392 | SG 297
    ('30231', 2023, NULL, '公务用车运行维护费'),     -- D 158 | CZ 387-388 | GH 394 | SG 298
    ('30239', 2023, NULL, '其他交通费用'),           -- D 158 | CZ 391-392 | GH 396 | SG 299
    ('30240', 2023, NULL, '税金及附加费用'),         -- D 158 | CZ 393-394 | GH 398 | SG 301
    ('30299', 2023, NULL, '其他商品和服务支出');     -- D 158 | CZ 396-397 | GH 400 | SG 303

-- 303 对个人和家庭的补助 ----------------------------------------------------------------------
-- from DOMAIN.md lines 159-160
--      2024-shanghai-putuo-caizhengju.txt lines 361-391
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 374-398
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 288-301
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('303',   2023, NULL, '对个人和家庭的补助'),         -- D 159 | CZ 361 | GH 374 | SG 288
    ('30301', 2023, NULL, '离休费'),                     -- D 159 | CZ 364 | GH 376 | SG 289
    ('30302', 2023, NULL, '退休费'),                     -- D 159 | CZ 367 | GH 378 | SG 290
    ('30303', 2023, NULL, '退职（役）费'),               -- D 159 | CZ 369 | GH 380 | SG 291
    ('30304', 2023, NULL, '抚恤金'),                     -- D 159 | CZ 371 | GH 382 | SG 292
    ('30305', 2023, NULL, '生活补助'),                   -- D 159 | CZ 374 | GH 384 | SG 293
    ('30306', 2023, NULL, '救济费'),                     -- D 159 | GH 386 | SG 294
    ('30307', 2023, NULL, '医疗费补助'),                 -- D 160 | CZ 377 | GH 388 | SG 295
    ('30308', 2023, NULL, '助学金'),                     -- D 160 | CZ 379 | GH 390 | SG 296
    ('30309', 2023, NULL, '奖励金'),                     -- D 160 | CZ 382 | GH 392 | SG 297
    ('30310', 2023, NULL, '个人农业生产补贴'),           -- D 160 | CZ 385 | GH 394 | SG 298
    ('30311', 2023, NULL, '代缴社会保险费'),             -- D 160 | CZ 387 | GH 396 | SG 299
    ('30399', 2023, NULL, '其他对个人和家庭的补助');     -- D 160 | CZ 391 | GH 398 | SG 301

-- 307 债务利息及费用支出 ----------------------------------------------------------------------
-- from DOMAIN.md lines 164
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('307',   2023, NULL, '债务利息及费用支出');     -- D 164  DOMAIN marks this 类 [K], not in the Shanghai tables

-- 309 资本性支出（基本建设） ------------------------------------------------------------------
-- from DOMAIN.md lines 164
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('309',   2023, NULL, '资本性支出（基本建设）');     -- D 164  DOMAIN marks this 类 [K], not in the Shanghai tables

-- 310 资本性支出 ------------------------------------------------------------------------------
-- from DOMAIN.md lines 161-162
--      2024-shanghai-putuo-caizhengju.txt lines 400-421
--      2024-shanghai-putuo-guihuaziyuanju.txt lines 402-417
--      2024-shanghai-putuo-shehuigongzuobu.txt lines 305-319
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('310',   2023, NULL, '资本性支出'),                 -- D 161 | CZ 400 | GH 402 | SG 305
    ('31001', 2023, NULL, '房屋建筑物购建'),             -- D 161 | CZ 402-403 | GH 404 | SG 306
    ('31002', 2023, NULL, '办公设备购置'),               -- D 161 | CZ 405-406 | GH 406 | SG 308
    ('31003', 2023, NULL, '专用设备购置'),               -- D 161 | CZ 407-408 | GH 408 | SG 310
    ('31007', 2023, NULL, '信息网络及软件购置更新'),     -- D 161 | CZ 409-410 | GH 411 | SG 313
    ('31013', 2023, NULL, '公务用车购置'),               -- D 162 | CZ 412-413 | GH 413 | SG 315
    ('31019', 2023, NULL, '其他交通工具购置'),           -- D 162 | CZ 414-415 | GH 414 | SG 316
    ('31021', 2023, NULL, '文物和陈列品购置'),           -- D 162 | CZ 416-417 | GH 415 | SG 317
    ('31022', 2023, NULL, '无形资产购置'),               -- D 162 | CZ 418-419 | GH 416 | SG 318
    ('31099', 2023, NULL, '其他资本性支出');             -- D 162 | CZ 420-421 | GH 417 | SG 319

-- 311 对企业补助（基本建设） ------------------------------------------------------------------
-- from DOMAIN.md lines 165
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('311',   2023, NULL, '对企业补助（基本建设）');     -- D 165  DOMAIN marks this 类 [K], not in the Shanghai tables

-- 312 对企业补助 ------------------------------------------------------------------------------
-- from DOMAIN.md lines 165
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('312',   2023, NULL, '对企业补助');     -- D 165  DOMAIN marks this 类 [K], not in the Shanghai tables

-- 313 对社会保障基金补助 ----------------------------------------------------------------------
-- from DOMAIN.md lines 165
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('313',   2023, NULL, '对社会保障基金补助');     -- D 165  DOMAIN marks this 类 [K], not in the Shanghai tables

-- 399 其他支出 --------------------------------------------------------------------------------
-- from DOMAIN.md lines 165
INSERT INTO econ_code (code, from_year, to_year, name) VALUES
    ('399',   2023, NULL, '其他支出');     -- D 165  DOMAIN marks this 类 [K], not in the Shanghai tables
