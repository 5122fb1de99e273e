-- Chart data left at the end of the seed disclosure (lines 1689-2082): the numbers behind
-- 图1-图7, as extracted from the embedded images (image8-14) and their spreadsheets
-- (_1234567890-96.xls). source_kind 'chart': a chart is never the document's statement;
-- queries read it only when neither a table nor the text prints the figure.
--
-- Which chart is which (by the images' order and labels):
--   image8 / _1234567890.xls  图1 收、支决算总计          grand_total 2022, 2023
--   image9 / _1234567891.xls  图2 收入决算结构            share of income_general
--   image10 / _1234567892.xls 图3 支出决算结构            shares of basic, project
--   image11 / _1234567893.xls 图4 财政拨款收、支决算总计  fiscal_grand_total 2023, 2022
--   image12 / _1234567894.xls 图5 一般公共预算财政拨款支出 general_expenditure 2023, 2022
--   image13 / _1234567895.xls 图6 结构 by 类              shares of 201/204/208/210/221
--   image14 / _1234567896.xls 图7 三公 结构               share of sangong_vehicle
-- A line printing one figure twice (收入 and 支出 bars of one total) is one occurrence.

INSERT INTO fact (id, disclosure_id, measure_id, code, fund_id, column_id, year, amount_fen, quantity, printed, printed_unit, derived, source_kind, line_from, line_to) VALUES
    (168901, 1, 'grand_total',         NULL, 'all',     'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 1689, 1689),
    (169101, 1, 'grand_total',         NULL, 'all',     'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 1691, 1691),
    (175501, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 1755, 1755),
    (175701, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 1757, 1757),
    (175901, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 1759, 1759),
    (176101, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 1761, 1761),
    (178501, 1, 'general_expenditure', NULL, 'general', 'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 1785, 1785),
    (178701, 1, 'general_expenditure', NULL, 'general', 'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 1787, 1787),
    (191001, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 1910, 1910),
    (191201, 1, 'fiscal_grand_total',  NULL, 'fiscal',  'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 1912, 1912),
    (201801, 1, 'general_expenditure', NULL, 'general', 'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 2018, 2018),
    (201802, 1, 'general_expenditure', NULL, 'general', 'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 2018, 2018),
    (206601, 1, 'grand_total',         NULL, 'all',     'actual', 2022, 844820000, NULL, '844.82', '万元', 0, 'chart', 2066, 2066),
    (206801, 1, 'grand_total',         NULL, 'all',     'actual', 2023, 889160000, NULL, '889.16', '万元', 0, 'chart', 2068, 2068);

-- Shares drawn in the charts, linked to the text figures they are shares of.
-- 图6 prints 84.70% (line 1811) where the text (line 76) and the chart's own data
-- (lines 1956, 1972) say 84.69.
INSERT INTO statement (id, disclosure_id, kind, printed, direction, rate_scaled, rate_decimals, amount_fen, part_fact_id, base_fact_id, basis, source_kind, line_from, line_to) VALUES
    (172701, 1, 'share', '100',     NULL,   100, 0, NULL,  5202,  5201, NULL, 'chart', 1727, 1727),
    (172901, 1, 'share', '100.00%', NULL, 10000, 2, NULL,  5202,  5201, NULL, 'chart', 1729, 1729),
    (174301, 1, 'share', '71.53',   NULL,  7153, 2, NULL,  5602,  5601, NULL, 'chart', 1743, 1743),
    (174302, 1, 'share', '28.47',   NULL,  2847, 2, NULL,  5603,  5601, NULL, 'chart', 1743, 1743),
    (174501, 1, 'share', '71.53%',  NULL,  7153, 2, NULL,  5602,  5601, NULL, 'chart', 1745, 1745),
    (174701, 1, 'share', '28.47%',  NULL,  2847, 2, NULL,  5603,  5601, NULL, 'chart', 1747, 1747),
    (181101, 1, 'share', '84.70%',  NULL,  8470, 2, NULL,  7602,  7601, NULL, 'chart', 1811, 1811),
    (181301, 1, 'share', '0.67%',   NULL,    67, 2, NULL,  7603,  7601, NULL, 'chart', 1813, 1813),
    (181501, 1, 'share', '6.45%',   NULL,   645, 2, NULL,  7604,  7601, NULL, 'chart', 1815, 1815),
    (181701, 1, 'share', '3.06%',   NULL,   306, 2, NULL,  7605,  7601, NULL, 'chart', 1817, 1817),
    (181901, 1, 'share', '5.12%',   NULL,   512, 2, NULL,  7606,  7601, NULL, 'chart', 1819, 1819),
    (187101, 1, 'share', '100',     NULL,   100, 0, NULL, 11902, 11501, NULL, 'chart', 1871, 1871),
    (187301, 1, 'share', '100%',    NULL,   100, 0, NULL, 11902, 11501, NULL, 'chart', 1873, 1873),
    (188601, 1, 'share', '100',     NULL,   100, 0, NULL,  5202,  5201, NULL, 'chart', 1886, 1886),
    (195601, 1, 'share', '84.69',   NULL,  8469, 2, NULL,  7602,  7601, NULL, 'chart', 1956, 1956),
    (195801, 1, 'share', '0.67',    NULL,    67, 2, NULL,  7603,  7601, NULL, 'chart', 1958, 1958),
    (196001, 1, 'share', '6.45',    NULL,   645, 2, NULL,  7604,  7601, NULL, 'chart', 1960, 1960),
    (196201, 1, 'share', '3.06',    NULL,   306, 2, NULL,  7605,  7601, NULL, 'chart', 1962, 1962),
    (196401, 1, 'share', '5.12',    NULL,   512, 2, NULL,  7606,  7601, NULL, 'chart', 1964, 1964),
    (197201, 1, 'share', '84.69',   NULL,  8469, 2, NULL,  7602,  7601, NULL, 'chart', 1972, 1972),
    (197401, 1, 'share', '0.67',    NULL,    67, 2, NULL,  7603,  7601, NULL, 'chart', 1974, 1974),
    (197601, 1, 'share', '6.45',    NULL,   645, 2, NULL,  7604,  7601, NULL, 'chart', 1976, 1976),
    (197801, 1, 'share', '3.06',    NULL,   306, 2, NULL,  7605,  7601, NULL, 'chart', 1978, 1978),
    (198001, 1, 'share', '5.12',    NULL,   512, 2, NULL,  7606,  7601, NULL, 'chart', 1980, 1980),
    (199401, 1, 'share', '100',     NULL,   100, 0, NULL, 11902, 11501, NULL, 'chart', 1994, 1994),
    (204201, 1, 'share', '71.53',   NULL,  7153, 2, NULL,  5602,  5601, NULL, 'chart', 2042, 2042),
    (204202, 1, 'share', '28.47',   NULL,  2847, 2, NULL,  5603,  5601, NULL, 'chart', 2042, 2042);
