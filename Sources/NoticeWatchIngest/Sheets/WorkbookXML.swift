internal import CLibXML2

/// A libxml2 streaming reader over one inflated workbook part, with the part kept alive while it is read.
///
/// The same options as every XML input (``XMLTextReader``): `XML_PARSE_NONET`, entities never substituted,
/// no DTD loaded, libxml2's limits on huge documents and entity amplification on; the part is read node by
/// node, never as a tree.
final class WorkbookXML {
    private let part: ZipPart
    let reader: XMLTextReader
    /// The part's name, for refusals.
    let name: String

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)

    init(part: ZipPart, name: String) throws(WorkbookRefusal) {
        self.part = part
        self.name = name
        XMLTextReader.initializeLibrary()
        guard let base = part.contents.baseAddress,
            let pointer = xmlReaderForMemory(
                base.assumingMemoryBound(to: CChar.self), Int32(clamping: part.count), name, nil, Self.options)
        else {
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) cannot be parsed")
        }
        reader = XMLTextReader(taking: pointer)
    }

    /// Moves to the next node; `false` at the end of the part.
    ///
    /// - Throws: `workbook-corrupt` when the part is not well-formed XML.
    func next() throws(WorkbookRefusal) -> Bool {
        let status = reader.read()
        if status == 1 { return true }
        if status < 0 || reader.fatal != nil {
            let problem = reader.fatal.map { "\($0.message) (line \($0.line))" } ?? "a parse error"
            throw WorkbookRefusal(code: "workbook-corrupt", message: "the part \(name) is not well-formed: \(problem)")
        }
        return false
    }

    var isElement: Bool { reader.nodeType == XMLNodeType.element }
    var isEndElement: Bool { reader.nodeType == XMLNodeType.endElement }
    var isEmptyElement: Bool { reader.isEmptyElement }
    var depth: Int { Int(reader.depth) }

    /// Whether the node is text (character data, CDATA or whitespace inside an element).
    var isText: Bool {
        switch reader.nodeType {
        case XMLNodeType.text, XMLNodeType.cdata, XMLNodeType.whitespace, XMLNodeType.significantWhitespace:
            return true
        default: return false
        }
    }

    /// The current node's local name (`c`, `table-cell`).
    var localName: String {
        reader.localName.map { String(cString: $0) } ?? ""
    }

    /// The text of the current text node.
    var text: String {
        xmlTextReaderConstValue(reader.pointer).map { String(cString: $0) } ?? ""
    }

    /// The value of the current element's attribute `name` (a qualified name as written, `table:name`), `nil`
    /// when it has none.
    func attribute(_ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader.pointer, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// The value of the attribute with local name `name` in namespace `namespace`.
    func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlTextReaderGetAttributeNs(reader.pointer, name, namespace) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }
}
