internal import CLibXML2

/// Reading records from libxml2's tree rather than from the stream: used after a fatal error, when the records
/// parsed before it are still in the tree but the streaming reader no longer hands them out.
enum XMLTree {
    /// The mark put in a record element's `_private` pointer once the streaming pass has handed it out.
    static var yieldedMark: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: 2) }

    /// An attribute's trimmed text and the first entity reference in it, if any.
    static func attribute(of element: xmlNodePtr, named wanted: XMLName) -> (text: String, entity: String?)? {
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard wanted.matches(localName: current.pointee.name, namespaceURI: current.pointee.ns?.pointee.href)
            else { continue }
            var text: [UInt8] = []
            var entity: String?
            var child = current.pointee.children
            while let node = child {
                if node.pointee.type == XML_ENTITY_REF_NODE {
                    entity = entity ?? node.pointee.name.map { String(cString: $0) } ?? ""
                } else if let content = node.pointee.content {
                    text.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                child = node.pointee.next
            }
            return (XMLRecordWalk.trimmedText(text), entity)
        }
        return nil
    }

    /// The trimmed text of all text and CDATA below an element, and the first entity reference below it.
    static func text(of element: xmlNodePtr) -> (text: String, entity: String?) {
        var text: [UInt8] = []
        var entity: String?
        var node = element.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    text.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ENTITY_REF_NODE:
                entity = entity ?? current.pointee.name.map { String(cString: $0) } ?? ""
            default:
                break
            }
            node = next(after: current, within: element, descending: current.pointee.type == XML_ELEMENT_NODE)
        }
        return (XMLRecordWalk.trimmedText(text), entity)
    }

    /// The first element, in document order, at the element steps of a path below `record`.
    static func element(under record: xmlNodePtr, steps: ArraySlice<XMLName>) -> xmlNodePtr? {
        guard let step = steps.first else { return record }
        var child = record.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE,
                step.matches(localName: current.pointee.name, namespaceURI: current.pointee.ns?.pointee.href),
                let found = element(under: current, steps: steps.dropFirst())
            else { continue }
            return found
        }
        return nil
    }

    /// The node after `node` in document order, staying below `root`.
    static func next(after node: xmlNodePtr, within root: xmlNodePtr?, descending: Bool) -> xmlNodePtr? {
        if descending, let child = node.pointee.children, node.pointee.type == XML_ELEMENT_NODE {
            return child
        }
        var current: xmlNodePtr? = node
        while let at = current, at != root {
            if let sibling = at.pointee.next { return sibling }
            current = at.pointee.parent
        }
        return nil
    }

    /// Whether `node` is `open` or one of its ancestors (an element whose end tag was not parsed).
    static func isOpen(_ node: xmlNodePtr, innermostOpen open: xmlNodePtr?) -> Bool {
        var current = open
        while let at = current {
            if at == node { return true }
            current = at.pointee.parent
        }
        return false
    }
}
