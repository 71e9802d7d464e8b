package dev.lathe.api.graph.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OpenStreetMap XML file ({@code .osm}, or {@code .osm.gz}) with the JDK's streaming
 * XML parser (StAX), DTDs and external entities off. Errors name the file and the line.
 */
final class OsmXmlSource implements OsmSource {

  private final Path file;

  OsmXmlSource(Path file) {
    this.file = file;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  @Override
  public void readWays(WayVisitor visitor) throws IOException {
    read(new ElementHandler() {
      long wayId;
      long[] refs = new long[64];
      int refCount;
      final Map<String, String> tags = new HashMap<>();
      boolean inWay;

      @Override
      public void start(XMLStreamReader xml, String name) throws FileFormatException {
        switch (name) {
          case "way" -> {
            inWay = true;
            wayId = longAttribute(xml, "id");
            refCount = 0;
            tags.clear();
          }
          case "nd" -> {
            if (inWay) {
              if (refCount == refs.length) {
                refs = Arrays.copyOf(refs, refCount * 2);
              }
              refs[refCount++] = longAttribute(xml, "ref");
            }
          }
          case "tag" -> {
            if (inWay) {
              tags.put(attribute(xml, "k"), attribute(xml, "v"));
            }
          }
          default -> { }
        }
      }

      @Override
      public void end(String name) {
        if (name.equals("way")) {
          inWay = false;
          visitor.way(wayId, Arrays.copyOf(refs, refCount), tags);
        }
      }
    });
  }

  @Override
  public void readNodes(NodeVisitor visitor) throws IOException {
    read(new ElementHandler() {
      @Override
      public void start(XMLStreamReader xml, String name) throws FileFormatException {
        if (name.equals("node")) {
          double lat = doubleAttribute(xml, "lat");
          double lon = doubleAttribute(xml, "lon");
          if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            throw error(xml, "node " + attribute(xml, "id") + " lies outside the globe: "
                + lat + ", " + lon);
          }
          visitor.node(longAttribute(xml, "id"), lat, lon);
        }
      }

      @Override
      public void end(String name) {}
    });
  }

  /** What one pass does with the start and end of each element. */
  private interface ElementHandler {
    void start(XMLStreamReader xml, String name) throws FileFormatException;

    void end(String name);
  }

  private void read(ElementHandler handler) throws IOException {
    try (InputStream in = LineScanner.open(file)) {
      XMLStreamReader xml = factory().createXMLStreamReader(in);
      try {
        boolean root = true;
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (root && !name.equals("osm")) {
              throw error(xml, "not an OpenStreetMap file: the root element is <" + name
                  + ">, not <osm>");
            }
            root = false;
            handler.start(xml, name);
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            handler.end(xml.getLocalName());
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      String message = e.getMessage();
      int detail = message.indexOf("Message: ");
      String problem = detail >= 0 ? message.substring(detail + 9) : message;
      if (line > 0) {
        throw new FileFormatException(file.toString(), line, "malformed XML: " + problem);
      }
      throw new FileFormatException(file.toString(), "malformed XML: " + problem, e);
    }
  }

  private FileFormatException error(XMLStreamReader xml, String problem) {
    return new FileFormatException(file.toString(), xml.getLocation().getLineNumber(), problem);
  }

  private String attribute(XMLStreamReader xml, String name) throws FileFormatException {
    String value = xml.getAttributeValue(null, name);
    if (value == null) {
      throw error(xml, "<" + xml.getLocalName() + "> has no attribute '" + name + "'");
    }
    return value;
  }

  private long longAttribute(XMLStreamReader xml, String name) throws FileFormatException {
    String value = attribute(xml, name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw error(xml, "<" + xml.getLocalName() + "> has " + name + "=\"" + value
          + "\", not an integer");
    }
  }

  private double doubleAttribute(XMLStreamReader xml, String name) throws FileFormatException {
    String value = attribute(xml, name);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw error(xml, "<" + xml.getLocalName() + "> has " + name + "=\"" + value
          + "\", not a number");
    }
  }
}
