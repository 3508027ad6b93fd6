package dev.paved.api.scorecards.facts;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML reports without trusting them: no DTD processing (a report's {@code DOCTYPE} line is
 * passed over, never fetched), no external or internal entities (a report that uses one is
 * refused), so a report cannot read files, reach the network or expand itself.
 */
final class SafeXml {

  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    return factory;
  }

  static XMLStreamReader open(String xml) throws XMLStreamException {
    if (xml.contains("<!ENTITY")) {
      throw new XMLStreamException("entity declarations are not accepted in a report");
    }
    return FACTORY.createXMLStreamReader(new StringReader(xml));
  }
}
