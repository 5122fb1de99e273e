import Store

/// SQLite's errors with a Chinese explanation in front; SQLite's own words follow in
/// brackets (they name the table, column or token at fault).
enum SQLiteMessage {
    static func explain(_ error: StoreError) -> String {
        "\(explanation(error))（SQLite \(error.code)：\(error.message)）"
    }

    private static func explanation(_ error: StoreError) -> String {
        let message = error.message
        switch error.code & 0xff {
        case 1:
            if message.hasPrefix("no such table") { return "没有这个表" }
            if message.hasPrefix("no such column") { return "没有这一列" }
            if message.hasPrefix("no such function") { return "没有这个函数" }
            if message.contains("syntax error") || message.hasPrefix("incomplete input") { return "SQL 语法错误" }
            if message.hasPrefix("ambiguous column") { return "列名不明确（几个表都有这一列）" }
            return "SQL 执行出错"
        case 2: return "SQLite 内部错误"
        case 3: return "没有访问权限"
        case 5, 6: return "数据库正被其他连接锁定，请稍后再试"
        case 7: return "内存不足"
        case 8: return "数据库只读，不能写入"
        case 9: return "查询已中断"
        case 10: return "读写磁盘出错"
        case 11: return "数据库文件已损坏"
        case 13: return "磁盘已满"
        case 14: return "无法打开数据库文件"
        case 18: return "字符串或数据过大"
        case 19: return "数据不符合数据库约束"
        case 20: return "数据类型不符"
        case 21: return "SQLite 使用有误"
        case 25: return "参数序号超出范围"
        case 26: return "不是 SQLite 数据库文件"
        default: return "SQLite 出错"
        }
    }
}
