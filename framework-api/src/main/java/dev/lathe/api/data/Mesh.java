package dev.lathe.api.data;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A triangle mesh read from an OFF or PLY file: vertices, triangles (faces with more corners are
 * split into a fan around their first corner), and the labels the file carries, per vertex or per
 * face. A file without faces is a point set: a mesh with vertices only.
 */
@API(status = STABLE, since = "0.1")
public final class Mesh {

  private final double[] vertices;
  private final int[] triangles;
  private final int[] vertexLabels;
  private final int[] triangleLabels;

  private Mesh(double[] vertices, int[] triangles, int[] vertexLabels, int[] triangleLabels) {
    this.vertices = vertices;
    this.triangles = triangles;
    this.vertexLabels = vertexLabels;
    this.triangleLabels = triangleLabels;
  }

  /**
   * A mesh of these vertices and triangles.
   *
   * @param vertices {@code x y z} per vertex
   * @param triangles three vertex indices per triangle
   * @param vertexLabels one label per vertex, or null
   * @param triangleLabels one label per triangle, or null
   * @throws IllegalArgumentException if lengths do not fit, a coordinate is not finite or a
   *     triangle names a vertex that does not exist
   */
  public static Mesh of(double[] vertices, int[] triangles, int[] vertexLabels,
      int[] triangleLabels) {
    if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
      throw new IllegalArgumentException("vertices and triangles come in threes; got "
          + vertices.length + " coordinates and " + triangles.length + " indices");
    }
    int n = vertices.length / 3;
    for (int i = 0; i < vertices.length; i++) {
      if (!Double.isFinite(vertices[i])) {
        throw new IllegalArgumentException("vertex " + i / 3 + " has coordinate " + vertices[i]);
      }
    }
    for (int i = 0; i < triangles.length; i++) {
      if (triangles[i] < 0 || triangles[i] >= n) {
        throw new IllegalArgumentException("triangle " + i / 3 + " names vertex " + triangles[i]
            + " of " + n);
      }
    }
    if (vertexLabels != null && vertexLabels.length != n) {
      throw new IllegalArgumentException(vertexLabels.length + " vertex labels for " + n
          + " vertices");
    }
    if (triangleLabels != null && triangleLabels.length != triangles.length / 3) {
      throw new IllegalArgumentException(triangleLabels.length + " triangle labels for "
          + triangles.length / 3 + " triangles");
    }
    return new Mesh(vertices.clone(), triangles.clone(),
        vertexLabels == null ? null : vertexLabels.clone(),
        triangleLabels == null ? null : triangleLabels.clone());
  }

  /**
   * Reads the mesh in {@code file} by its extension: {@code .off} as
   * {@linkplain #readOff OFF}, {@code .ply} as {@linkplain #readPly PLY}, in any case.
   *
   * @throws MalformedDataException naming the file if its extension is neither, or its content is
   *     malformed
   */
  public static Mesh read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".off")) {
      return readOff(file);
    }
    if (name.endsWith(".ply")) {
      return readPly(file);
    }
    throw new MalformedDataException(file, "is neither .off nor .ply");
  }

  /**
   * Reads an ASCII OFF file: an {@code OFF} header (or {@code COFF}, {@code NOFF}, {@code CNOFF},
   * {@code STOFF} and the like, whose extra vertex values are skipped), the vertex, face and edge
   * counts, one vertex per line (the first three numbers are x, y, z), then one face per line
   * ({@code k i1 … ik}, any colour after the indices is skipped). {@code #} starts a comment.
   * OFF carries no labels.
   *
   * @throws MalformedDataException naming the file and line of what does not follow the format
   */
  public static Mesh readOff(Path file) throws IOException {
    return OffReader.read(file);
  }

  /**
   * Reads a PLY file in ASCII, binary little-endian or binary big-endian form: the element
   * {@code vertex} with properties {@code x}, {@code y}, {@code z}, and optionally the element
   * {@code face} with the list {@code vertex_indices} (or {@code vertex_index}). A vertex or face
   * property named {@code label} or, failing that, {@code segment_index} gives the labels; other
   * elements and properties are skipped.
   *
   * @throws MalformedDataException naming the file, and the line in the header or the ASCII body,
   *     of what does not follow the format, and saying where a binary body ends too early
   */
  public static Mesh readPly(Path file) throws IOException {
    return PlyReader.read(file);
  }

  /** The number of vertices. */
  public int vertexCount() {
    return vertices.length / 3;
  }

  /** The number of triangles; 0 for a point set. */
  public int triangleCount() {
    return triangles.length / 3;
  }

  /** Coordinate {@code axis} (0 = x, 1 = y, 2 = z) of vertex {@code v}. */
  public double coordinate(int v, int axis) {
    if (axis < 0 || axis > 2) {
      throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
    }
    return vertices[3 * v + axis];
  }

  /** Corner {@code corner} (0, 1 or 2) of triangle {@code t}: a vertex index. */
  public int corner(int t, int corner) {
    if (corner < 0 || corner > 2) {
      throw new IndexOutOfBoundsException("corner " + corner + " is not 0, 1 or 2");
    }
    return triangles[3 * t + corner];
  }

  /** Whether the file gave each vertex a label. */
  public boolean hasVertexLabels() {
    return vertexLabels != null;
  }

  /** Whether the file gave each face, and so each of its triangles, a label. */
  public boolean hasTriangleLabels() {
    return triangleLabels != null;
  }

  /** The label of vertex {@code v}; see {@link #hasVertexLabels()}. */
  public int vertexLabel(int v) {
    if (vertexLabels == null) {
      throw new IllegalStateException("this mesh has no vertex labels");
    }
    return vertexLabels[v];
  }

  /** The label of triangle {@code t}; see {@link #hasTriangleLabels()}. */
  public int triangleLabel(int t) {
    if (triangleLabels == null) {
      throw new IllegalStateException("this mesh has no face labels");
    }
    return triangleLabels[t];
  }

  /** The area of triangle {@code t}: half the norm of the cross product of two edges. */
  public double triangleArea(int t) {
    int a = 3 * triangles[3 * t];
    int b = 3 * triangles[3 * t + 1];
    int c = 3 * triangles[3 * t + 2];
    double ux = vertices[b] - vertices[a];
    double uy = vertices[b + 1] - vertices[a + 1];
    double uz = vertices[b + 2] - vertices[a + 2];
    double vx = vertices[c] - vertices[a];
    double vy = vertices[c + 1] - vertices[a + 1];
    double vz = vertices[c + 2] - vertices[a + 2];
    double cx = uy * vz - uz * vy;
    double cy = uz * vx - ux * vz;
    double cz = ux * vy - uy * vx;
    return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
  }

  /** The surface area: the sum of the triangles' areas. */
  public double area() {
    double sum = 0;
    for (int t = 0; t < triangleCount(); t++) {
      sum += triangleArea(t);
    }
    return sum;
  }

  /**
   * {@code count} points drawn from {@code random}.
   *
   * <p>On a mesh with triangles the points are uniform over the surface (Osada et al., "Shape
   * distributions", ACM TOG 2002): a triangle is chosen with probability proportional to its
   * area (binary search in the cumulative areas), then a point in it by barycentric coordinates
   * {@code (1 - √r1, √r1 (1 - r2), √r1 r2)} with {@code r1, r2} uniform in [0, 1). Each point
   * takes its triangle's label if the faces carry labels, else the label of the corner with the
   * largest barycentric weight if the vertices do. O(t + count log t) for t triangles.
   *
   * <p>On a point set, the first {@code min(count, vertexCount())} points are distinct vertices
   * chosen uniformly without replacement (a partial Fisher–Yates shuffle), and any further points
   * are vertices chosen uniformly with replacement; each keeps its vertex's label.
   *
   * @throws IllegalArgumentException if {@code count} is negative, or the mesh has no vertices
   *     or a surface of zero area
   */
  public PointCloud sample(int count, RandomGenerator random) {
    if (count < 0) {
      throw new IllegalArgumentException("cannot sample " + count + " points");
    }
    if (vertexCount() == 0) {
      throw new IllegalArgumentException("the mesh has no vertices to sample");
    }
    return triangleCount() == 0 ? sampleVertices(count, random) : sampleSurface(count, random);
  }

  private PointCloud sampleSurface(int count, RandomGenerator random) {
    int t = triangleCount();
    double[] cumulative = new double[t];
    double total = 0;
    for (int i = 0; i < t; i++) {
      total += triangleArea(i);
      cumulative[i] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the mesh's surface has zero area");
    }
    float[] points = new float[3 * count];
    int[] labels = triangleLabels != null || vertexLabels != null ? new int[count] : null;
    for (int k = 0; k < count; k++) {
      int tri = triangleAt(cumulative, random.nextDouble() * total);
      double s = Math.sqrt(random.nextDouble());
      double r2 = random.nextDouble();
      double[] weight = {1 - s, s * (1 - r2), s * r2};
      for (int axis = 0; axis < 3; axis++) {
        double p = 0;
        for (int c = 0; c < 3; c++) {
          p += weight[c] * vertices[3 * triangles[3 * tri + c] + axis];
        }
        points[3 * k + axis] = (float) p;
      }
      if (triangleLabels != null) {
        labels[k] = triangleLabels[tri];
      } else if (vertexLabels != null) {
        int nearest = weight[1] > weight[0] ? 1 : 0;
        nearest = weight[2] > weight[nearest] ? 2 : nearest;
        labels[k] = vertexLabels[triangles[3 * tri + nearest]];
      }
    }
    return PointCloud.wrap(points, labels);
  }

  /** The first triangle whose cumulative area exceeds {@code r}. */
  private static int triangleAt(double[] cumulative, double r) {
    int i = Arrays.binarySearch(cumulative, r);
    int index = i >= 0 ? i + 1 : -i - 1;
    while (index < cumulative.length - 1 && cumulative[index] <= r) {
      index++;
    }
    return Math.min(index, cumulative.length - 1);
  }

  private PointCloud sampleVertices(int count, RandomGenerator random) {
    int n = vertexCount();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    float[] points = new float[3 * count];
    int[] labels = vertexLabels != null ? new int[count] : null;
    for (int k = 0; k < count; k++) {
      int v;
      if (k < n) {
        int j = k + random.nextInt(n - k);
        v = order[j];
        order[j] = order[k];
        order[k] = v;
      } else {
        v = random.nextInt(n);
      }
      for (int axis = 0; axis < 3; axis++) {
        points[3 * k + axis] = (float) vertices[3 * v + axis];
      }
      if (labels != null) {
        labels[k] = vertexLabels[v];
      }
    }
    return PointCloud.wrap(points, labels);
  }

  @Override
  public String toString() {
    return "Mesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles"
        + (vertexLabels != null ? ", vertex labels" : "")
        + (triangleLabels != null ? ", face labels" : "") + "]";
  }
}
