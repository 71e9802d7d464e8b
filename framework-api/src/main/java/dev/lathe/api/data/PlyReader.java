package dev.lathe.api.data;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads PLY meshes and point sets; see {@link Mesh#readPly}. */
final class PlyReader {

  /** The names of a property that holds labels, in order of preference. */
  private static final List<String> LABEL_NAMES = List.of("label", "segment_index");

  /** The scalar types of PLY, under both their old and their sized names. */
  private enum Type {
    INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true),
    UINT32(4, true), FLOAT32(4, false), FLOAT64(8, false);

    final int bytes;
    final boolean integral;

    Type(int bytes, boolean integral) {
      this.bytes = bytes;
      this.integral = integral;
    }

    static Type of(String name) {
      return switch (name) {
        case "char", "int8" -> INT8;
        case "uchar", "uint8" -> UINT8;
        case "short", "int16" -> INT16;
        case "ushort", "uint16" -> UINT16;
        case "int", "int32" -> INT32;
        case "uint", "uint32" -> UINT32;
        case "float", "float32" -> FLOAT32;
        case "double", "float64" -> FLOAT64;
        default -> null;
      };
    }
  }

  /** A property: a scalar of {@code type}, or a list of them when {@code countType} is set. */
  private record Property(String name, Type type, Type countType) {}

  /** An element of the header with its properties. */
  private record Element(String name, int count, List<Property> properties, int line) {
    int index(String property) {
      for (int i = 0; i < properties.size(); i++) {
        if (properties.get(i).name().equals(property)) {
          return i;
        }
      }
      return -1;
    }
  }

  private final Path file;
  private final byte[] bytes;
  private int position;
  private int line = 1;
  private ByteBuffer binary;

  private PlyReader(Path file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  static Mesh read(Path file) throws IOException {
    return new PlyReader(file, Files.readAllBytes(file)).mesh();
  }

  private Mesh mesh() throws IOException {
    if (!headerLine().equals("ply")) {
      throw new MalformedDataException(file, 1, "does not start with 'ply'");
    }
    String format = null;
    List<Element> elements = new ArrayList<>();
    while (true) {
      if (position >= bytes.length) {
        throw new MalformedDataException(file, line, "truncated: the header has no end_header");
      }
      int at = line;
      String[] words = headerLine().strip().split("\\s+");
      switch (words[0]) {
        case "end_header" -> {
          return body(format, elements);
        }
        case "format" -> format = format(words, at);
        case "comment", "obj_info", "" -> { }
        case "element" -> elements.add(element(words, at));
        case "property" -> {
          if (elements.isEmpty()) {
            throw new MalformedDataException(file, at, "property before any element");
          }
          Element owner = elements.get(elements.size() - 1);
          owner.properties().add(property(words, at));
        }
        default -> throw new MalformedDataException(file, at,
            "unknown header line '" + String.join(" ", words) + "'");
      }
    }
  }

  private String format(String[] words, int at) throws MalformedDataException {
    if (words.length < 2 || !List.of("ascii", "binary_little_endian", "binary_big_endian")
        .contains(words[1])) {
      throw new MalformedDataException(file, at, "format '" + String.join(" ", words)
          + "' is none of ascii, binary_little_endian, binary_big_endian");
    }
    return words[1];
  }

  private Element element(String[] words, int at) throws MalformedDataException {
    if (words.length != 3) {
      throw new MalformedDataException(file, at, "expected 'element NAME COUNT'");
    }
    try {
      int count = Integer.parseInt(words[2]);
      if (count >= 0) {
        return new Element(words[1], count, new ArrayList<>(), at);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedDataException(file, at, "element '" + words[1] + "' has count '"
        + words[2] + "', not a non-negative integer below 2^31");
  }

  private Property property(String[] words, int at) throws MalformedDataException {
    if (words.length == 5 && words[1].equals("list")) {
      Type countType = type(words[2], at);
      if (!countType.integral) {
        throw new MalformedDataException(file, at, "list '" + words[4]
            + "' is counted by the non-integer type " + words[2]);
      }
      return new Property(words[4], type(words[3], at), countType);
    }
    if (words.length == 3) {
      return new Property(words[2], type(words[1], at), null);
    }
    throw new MalformedDataException(file, at,
        "expected 'property TYPE NAME' or 'property list COUNT_TYPE TYPE NAME'");
  }

  private Type type(String name, int at) throws MalformedDataException {
    Type type = Type.of(name);
    if (type == null) {
      throw new MalformedDataException(file, at, "unknown property type '" + name + "'");
    }
    return type;
  }

  /** The next header line without its line break. */
  private String headerLine() {
    int start = position;
    while (position < bytes.length && bytes[position] != '\n') {
      position++;
    }
    int end = position > start && bytes[position - 1] == '\r' ? position - 1 : position;
    if (position < bytes.length) {
      position++;
      line++;
    }
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private Mesh body(String format, List<Element> elements) throws IOException {
    if (format == null) {
      throw new MalformedDataException(file, line - 1, "the header has no format line");
    }
    if (!format.equals("ascii")) {
      binary = ByteBuffer.wrap(bytes, position, bytes.length - position).order(
          format.equals("binary_little_endian") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }
    Element vertexElement = elements.stream().filter(e -> e.name().equals("vertex")).findFirst()
        .orElseThrow(() -> new MalformedDataException(file, "the header declares no element "
            + "'vertex'"));
    int[] xyz = new int[3];
    for (int axis = 0; axis < 3; axis++) {
      String name = String.valueOf("xyz".charAt(axis));
      xyz[axis] = vertexElement.index(name);
      if (xyz[axis] < 0 || vertexElement.properties().get(xyz[axis]).countType() != null) {
        throw new MalformedDataException(file, vertexElement.line(),
            "element 'vertex' has no scalar property '" + name + "'");
      }
    }
    double[] vertices = new double[Math.multiplyExact(3, vertexElement.count())];
    int[] vertexLabels = null;
    IntList triangles = new IntList();
    IntList triangleLabels = null;
    for (Element element : elements) {
      int labelIndex = labelIndex(element);
      if (element == vertexElement) {
        vertexLabels = labelIndex >= 0 ? new int[element.count()] : null;
        for (int i = 0; i < element.count(); i++) {
          double[] values = values(element, i, -1, null);
          for (int axis = 0; axis < 3; axis++) {
            vertices[3 * i + axis] = finite(values[xyz[axis]], element, i);
          }
          if (vertexLabels != null) {
            vertexLabels[i] = label(values[labelIndex], element, i);
          }
        }
      } else if (element.name().equals("face")) {
        int listIndex = faceList(element);
        triangleLabels = labelIndex >= 0 ? new IntList() : null;
        for (int i = 0; i < element.count(); i++) {
          List<long[]> lists = new ArrayList<>(1);
          double[] values = values(element, i, listIndex, lists);
          long[] corners = lists.get(0);
          if (corners.length < 3) {
            throw problem(element, i, "has " + corners.length + " corners; a face needs 3 or more");
          }
          for (long corner : corners) {
            if (corner < 0 || corner >= vertexElement.count()) {
              throw problem(element, i, "names vertex " + corner + " but there are "
                  + vertexElement.count());
            }
          }
          for (int c = 1; c + 1 < corners.length; c++) {
            triangles.add((int) corners[0], (int) corners[c], (int) corners[c + 1]);
            if (triangleLabels != null) {
              triangleLabels.add(label(values[labelIndex], element, i));
            }
          }
        }
      } else {
        for (int i = 0; i < element.count(); i++) {
          values(element, i, -1, null);
        }
      }
    }
    return Mesh.of(vertices, triangles.toArray(), vertexLabels,
        triangleLabels == null ? null : triangleLabels.toArray());
  }

  private int labelIndex(Element element) {
    for (String name : LABEL_NAMES) {
      int i = element.index(name);
      if (i >= 0 && element.properties().get(i).countType() == null) {
        return i;
      }
    }
    return -1;
  }

  private int faceList(Element face) throws MalformedDataException {
    for (String name : List.of("vertex_indices", "vertex_index")) {
      int i = face.index(name);
      if (i >= 0 && face.properties().get(i).countType() != null) {
        return i;
      }
    }
    throw new MalformedDataException(file, face.line(),
        "element 'face' has no list property 'vertex_indices' or 'vertex_index'");
  }

  /**
   * Reads instance {@code i} of {@code element}: the scalar values by property position (NaN at
   * lists); the list at {@code listIndex}, if any, is added to {@code lists}, others are skipped.
   */
  private double[] values(Element element, int i, int listIndex, List<long[]> lists)
      throws MalformedDataException {
    List<Property> properties = element.properties();
    double[] values = new double[properties.size()];
    try {
      for (int p = 0; p < properties.size(); p++) {
        Property property = properties.get(p);
        if (property.countType() == null) {
          values[p] = value(property.type(), element, i, property.name());
          continue;
        }
        double length = value(property.countType(), element, i, property.name());
        if (length < 0 || length > bytes.length) {
          throw problem(element, i, "list '" + property.name() + "' has length " + (long) length
              + ", impossible in a file of " + bytes.length + " bytes");
        }
        long[] items = new long[(int) length];
        for (int k = 0; k < items.length; k++) {
          items[k] = (long) value(property.type(), element, i, property.name());
        }
        values[p] = Double.NaN;
        if (p == listIndex) {
          lists.add(items);
        }
      }
    } catch (BufferUnderflowException e) {
      throw new MalformedDataException(file, "truncated: the binary body ends in element '"
          + element.name() + "' " + i + " of " + element.count());
    }
    return values;
  }

  private double value(Type type, Element element, int i, String property)
      throws MalformedDataException {
    if (binary != null) {
      return switch (type) {
        case INT8 -> binary.get();
        case UINT8 -> binary.get() & 0xFF;
        case INT16 -> binary.getShort();
        case UINT16 -> binary.getShort() & 0xFFFF;
        case INT32 -> binary.getInt();
        case UINT32 -> binary.getInt() & 0xFFFFFFFFL;
        case FLOAT32 -> binary.getFloat();
        case FLOAT64 -> binary.getDouble();
      };
    }
    String token = asciiToken(element, i);
    try {
      return type.integral ? Long.parseLong(token) : Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw problem(element, i, "property '" + property + "' is '" + token + "', not "
          + (type.integral ? "an integer" : "a number"));
    }
  }

  private String asciiToken(Element element, int i) throws MalformedDataException {
    while (position < bytes.length && isSpace(bytes[position])) {
      if (bytes[position] == '\n') {
        line++;
      }
      position++;
    }
    if (position >= bytes.length) {
      throw new MalformedDataException(file, line, "truncated: the file ends in element '"
          + element.name() + "' " + i + " of " + element.count());
    }
    int start = position;
    while (position < bytes.length && !isSpace(bytes[position])) {
      position++;
    }
    return new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private double finite(double value, Element element, int i) throws MalformedDataException {
    if (!Double.isFinite(value)) {
      throw problem(element, i, "has coordinate " + value);
    }
    return value;
  }

  private int label(double value, Element element, int i) throws MalformedDataException {
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw problem(element, i, "has label " + value + ", not an int");
    }
    return (int) value;
  }

  private MalformedDataException problem(Element element, int i, String what) {
    String message = element.name() + " " + i + " " + what;
    return binary != null ? new MalformedDataException(file, message)
        : new MalformedDataException(file, line, message);
  }
}
