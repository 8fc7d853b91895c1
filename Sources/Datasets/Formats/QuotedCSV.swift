/// An RFC 4180 CSV reader over raw bytes: fields separated by commas, optionally enclosed
/// in double quotes (a quoted field may hold commas, newlines and `""` for a quote);
/// records end at a newline outside quotes (`\r\n` accepted).
///
/// It works on bytes so that each field can be decoded on its own, and reports for every
/// record the physical line it starts on.
struct QuotedCSV {
  /// One record: its fields' bytes and the 1-based line where it starts.
  struct Record {
    var fields: [[UInt8]]
    var line: Int
    /// Whether any field held a newline.
    var spansLines: Bool
  }

  /// Why the bytes are not CSV.
  struct SyntaxError: Error {
    var line: Int
    var reason: String
  }

  /// All records of `bytes` (a final empty line is not a record).
  ///
  /// - Throws: `SyntaxError` for a quote that is never closed or text after a closing quote.
  /// - Complexity: O(bytes).
  static func records(_ bytes: [UInt8]) throws(SyntaxError) -> [Record] {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    var records: [Record] = []
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var line = 1
    var start = 1
    var spans = false
    var i = 0
    var quoted = false
    var afterQuote = false
    func endRecord() {
      fields.append(field)
      records.append(Record(fields: fields, line: start, spansLines: spans))
      fields = []
      field = []
      spans = false
    }
    while i < bytes.count {
      let byte = bytes[i]
      if quoted {
        if byte == quote {
          if i + 1 < bytes.count, bytes[i + 1] == quote {
            field.append(quote)
            i += 1
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if byte == newline {
            line += 1
            spans = true
          }
          field.append(byte)
        }
      } else if byte == comma {
        fields.append(field)
        field = []
        afterQuote = false
      } else if byte == newline {
        endRecord()
        line += 1
        start = line
        afterQuote = false
      } else if byte == carriageReturn, i + 1 < bytes.count, bytes[i + 1] == newline {
        // The newline ends the record next.
      } else if byte == quote, field.isEmpty, !afterQuote {
        quoted = true
      } else if afterQuote {
        throw SyntaxError(line: line, reason: "text after a closing quote")
      } else {
        field.append(byte)
      }
      i += 1
    }
    guard !quoted else { throw SyntaxError(line: start, reason: "a quoted field is never closed") }
    if !fields.isEmpty || !field.isEmpty || afterQuote { endRecord() }
    return records
  }
}
