package dev.lathe.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshTest {

  /** The areas of the tetrahedron's faces by label: legs 1, 2, 3 along x, y, z. */
  private static final double[] TETRAHEDRON_AREAS = {1, 1.5, 3, 3.5};

  @TempDir
  Path dir;

  @Test
  void theOffCubeHasTwelveTrianglesAndAreaSix() throws Exception {
    Mesh cube = Mesh.read(Resources.path("cube.off"));
    assertEquals(8, cube.vertexCount());
    assertEquals(12, cube.triangleCount());
    assertEquals(6.0, cube.area(), 1e-12);
    assertFalse(cube.hasVertexLabels());
    assertFalse(cube.hasTriangleLabels());
    assertEquals(1.0, cube.coordinate(6, 2));
    assertEquals(3, cube.corner(0, 1), "the quad 0 3 2 1 becomes the fan (0 3 2), (0 2 1)");
  }

  @Test
  void pointsOnTheCubeLieOnItsSurfaceAndSpreadEvenlyOverItsSixFaces() throws Exception {
    PointCloud points = Mesh.read(Resources.path("cube.off"))
        .sample(60_000, new SplittableRandom(7));
    assertEquals(60_000, points.size());
    assertFalse(points.hasLabels());
    int[] perFace = new int[6];
    for (int i = 0; i < points.size(); i++) {
      float[] p = {points.x(i), points.y(i), points.z(i)};
      int faces = 0;
      for (int axis = 0; axis < 3; axis++) {
        assertTrue(p[axis] >= 0 && p[axis] <= 1, "inside the cube");
        if (p[axis] < 1e-6) {
          perFace[2 * axis]++;
          faces++;
        } else if (p[axis] > 1 - 1e-6) {
          perFace[2 * axis + 1]++;
          faces++;
        }
      }
      assertTrue(faces >= 1, "on a face");
    }
    double chiSquare = chiSquare(perFace, new double[] {1, 1, 1, 1, 1, 1});
    assertTrue(chiSquare < 20.5, "chi-square " + chiSquare + " with 5 degrees of freedom");
  }

  /**
   * The tetrahedron's faces have areas 1 : 1.5 : 3 : 3.5, so an area-weighted sampler puts
   * 1/9, 1/6, 1/3 and 7/18 of the points on them; a sampler that picked faces uniformly would
   * put a quarter on each and fail the chi-square test by far (its statistic is then about 25,000).
   */
  @Test
  void facesAreChosenInProportionToTheirAreaAndPointsTakeTheirFaceLabel() throws Exception {
    Mesh tetrahedron = Mesh.read(Resources.path("tetrahedron.ply"));
    assertEquals(4, tetrahedron.triangleCount());
    assertTrue(tetrahedron.hasTriangleLabels());
    assertEquals(9.0, tetrahedron.area(), 1e-12);
    for (int t = 0; t < 4; t++) {
      assertEquals(TETRAHEDRON_AREAS[tetrahedron.triangleLabel(t)], tetrahedron.triangleArea(t),
          1e-12);
    }
    PointCloud points = tetrahedron.sample(90_000, new SplittableRandom(42));
    int[] perLabel = new int[4];
    for (int i = 0; i < points.size(); i++) {
      perLabel[points.label(i)]++;
      assertOnFace(points, i);
    }
    double chiSquare = chiSquare(perLabel, TETRAHEDRON_AREAS);
    assertTrue(chiSquare < 16.3, "chi-square " + chiSquare + " with 3 degrees of freedom");
  }

  /** Without the square root in the barycentric draw the mean would drift from the centroid. */
  @Test
  void pointsAreUniformWithinATriangle() throws Exception {
    PointCloud points = Mesh.read(Resources.path("tetrahedron.ply"))
        .sample(90_000, new SplittableRandom(3));
    double[] sum = new double[3];
    int n = 0;
    for (int i = 0; i < points.size(); i++) {
      if (points.label(i) == 3) {
        sum[0] += points.x(i);
        sum[1] += points.y(i);
        sum[2] += points.z(i);
        n++;
      }
    }
    assertEquals(1 / 3.0, sum[0] / n, 0.01);
    assertEquals(2 / 3.0, sum[1] / n, 0.01);
    assertEquals(1.0, sum[2] / n, 0.01);
  }

  @Test
  void theSameSeedGivesTheSamePoints() throws Exception {
    Mesh cube = Mesh.read(Resources.path("cube.off"));
    assertArrayEquals(cube.sample(100, new SplittableRandom(9)).coordinates(),
        cube.sample(100, new SplittableRandom(9)).coordinates());
  }

  @Test
  void binaryLittleAndBigEndianPlyReadAsTheAsciiFileDoes() throws Exception {
    Mesh ascii = Mesh.read(Resources.path("tetrahedron.ply"));
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      Path file = writeBinaryTetrahedron(order, 4);
      Mesh binary = Mesh.read(file);
      assertEquals(ascii.toString(), binary.toString());
      for (int t = 0; t < 4; t++) {
        assertEquals(ascii.triangleLabel(t), binary.triangleLabel(t));
        assertEquals(ascii.triangleArea(t), binary.triangleArea(t), 0);
      }
      assertArrayEquals(ascii.sample(50, new SplittableRandom(1)).coordinates(),
          binary.sample(50, new SplittableRandom(1)).coordinates(), order.toString());
    }
  }

  @Test
  void aTruncatedBinaryPlySaysWhereItEnds() throws Exception {
    Path file = writeBinaryTetrahedron(ByteOrder.LITTLE_ENDIAN, 3);
    MalformedDataException e = assertThrows(MalformedDataException.class, () -> Mesh.read(file));
    assertEquals(file + ": truncated: the binary body ends in element 'face' 3 of 4",
        e.getMessage());
  }

  @Test
  void vertexLabelsGoToThePointsNearestCornerAndPointSetsAreSampledWithoutReplacement()
      throws Exception {
    Path labelled = Files.writeString(dir.resolve("labelled.ply"), String.join("\n",
        "ply", "format ascii 1.0", "element vertex 3", "property double x", "property double y",
        "property double z", "property uchar red", "property int label", "element face 1",
        "property list uchar uint vertex_indices", "element edge 1", "property int vertex1",
        "property int vertex2", "end_header",
        "0 0 0 255 10", "1 0 0 0 11", "0 1 0 7 12", "3 0 1 2", "0 1", ""));
    Mesh mesh = Mesh.read(labelled);
    assertTrue(mesh.hasVertexLabels());
    PointCloud points = mesh.sample(2000, new SplittableRandom(5));
    for (int i = 0; i < points.size(); i++) {
      double x = points.x(i);
      double y = points.y(i);
      double w0 = 1 - x - y;
      int expected = w0 >= x && w0 >= y ? 10 : x >= y ? 11 : 12;
      assertEquals(expected, points.label(i), "point (" + x + ", " + y + ")");
    }
    Path pointSet = Files.writeString(dir.resolve("points.ply"), String.join("\n",
        "ply", "format ascii 1.0", "element vertex 5", "property float x", "property float y",
        "property float z", "property int segment_index", "end_header",
        "0 0 0 0", "1 0 0 1", "2 0 0 2", "3 0 0 3", "4 0 0 4", ""));
    Mesh set = Mesh.read(pointSet);
    assertEquals(0, set.triangleCount());
    PointCloud all = set.sample(5, new SplittableRandom(11));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      seen.add(all.label(i));
      assertEquals(all.label(i), all.x(i), 0f);
    }
    assertEquals(Set.of(0, 1, 2, 3, 4), seen, "five draws of five points take each once");
    assertEquals(12, set.sample(12, new SplittableRandom(11)).size());
  }

  @Test
  void normalisationCentresOnTheCentroidAndScalesTheFarthestPointToOne() throws Exception {
    PointCloud points = Mesh.read(Resources.path("tetrahedron.ply"))
        .sample(5000, new SplittableRandom(8)).normalisedToUnitSphere();
    double[] mean = new double[3];
    double farthest = 0;
    for (int i = 0; i < points.size(); i++) {
      mean[0] += points.x(i) / points.size();
      mean[1] += points.y(i) / points.size();
      mean[2] += points.z(i) / points.size();
      farthest = Math.max(farthest, Math.sqrt(points.x(i) * points.x(i)
          + points.y(i) * points.y(i) + points.z(i) * points.z(i)));
    }
    assertArrayEquals(new double[] {0, 0, 0}, mean, 1e-6);
    assertEquals(1.0, farthest, 1e-6);
    assertTrue(points.hasLabels());
    PointCloud single = PointCloud.of(new float[] {2, 3, 4}, null).normalisedToUnitSphere();
    assertArrayEquals(new float[] {0, 0, 0}, single.coordinates());
  }

  @Test
  void malformedOffFilesNameFileAndLine() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.off"),
        "OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n");
    assertEquals(outside + ":6: face 0 names vertex 3 but there are only 3",
        assertThrows(MalformedDataException.class, () -> Mesh.read(outside)).getMessage());
    Path shortFile = Files.writeString(dir.resolve("short.off"), "OFF 3 1 0\n0 0 0\n1 0 0\n");
    assertEquals(shortFile + ":3: truncated: the file ends before vertex 2 of 3",
        assertThrows(MalformedDataException.class, () -> Mesh.read(shortFile)).getMessage());
    Path bad = Files.writeString(dir.resolve("bad.off"), "OFF\n# c\n1 0 0\n0 x 0\n");
    assertEquals(bad + ":4: vertex 0 has coordinate 'x', not a finite number",
        assertThrows(MalformedDataException.class, () -> Mesh.read(bad)).getMessage());
    Path header = Files.writeString(dir.resolve("header.off"), "PLY\n");
    assertEquals(header + ":1: header 'PLY' is not OFF",
        assertThrows(MalformedDataException.class, () -> Mesh.read(header)).getMessage());
    Path fourD = Files.writeString(dir.resolve("four.off"), "4OFF\n");
    assertEquals(fourD + ":1: header 4OFF: only 3-D OFF files are read",
        assertThrows(MalformedDataException.class, () -> Mesh.read(fourD)).getMessage());
  }

  @Test
  void colouredOffWithCommentsAndCountsOnTheHeaderLineIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("c.off"),
        "# made by hand\nCOFF 3 1 3\n0 0 0 255 0 0 255\n2 0 0 0 255 0 255\n0 2 0 0 0 255 255\n"
            + "3 0 1 2 0.5 0.5 0.5 1\n");
    Mesh mesh = Mesh.read(file);
    assertEquals(2.0, mesh.area(), 1e-12);
  }

  @Test
  void malformedPlyFilesNameFileAndLine() throws Exception {
    Path unknown = Files.writeString(dir.resolve("u.ply"),
        "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nfrobnicate\nend_header\n");
    assertEquals(unknown + ":5: unknown header line 'frobnicate'",
        assertThrows(MalformedDataException.class, () -> Mesh.read(unknown)).getMessage());
    Path noZ = Files.writeString(dir.resolve("noz.ply"),
        "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
            + "end_header\n0 0\n");
    assertEquals(noZ + ":3: element 'vertex' has no scalar property 'z'",
        assertThrows(MalformedDataException.class, () -> Mesh.read(noZ)).getMessage());
    Path value = Files.writeString(dir.resolve("v.ply"),
        "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
            + "property float z\nend_header\n0 0 0\n1 zero 0\n");
    assertEquals(value + ":9: vertex 1 property 'y' is 'zero', not a number",
        assertThrows(MalformedDataException.class, () -> Mesh.read(value)).getMessage());
    Path face = Files.writeString(dir.resolve("f.ply"),
        "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\n"
            + "property float z\nelement face 1\nproperty list uchar int vertex_indices\n"
            + "end_header\n0 0 0\n3 0 0 9\n");
    assertEquals(face + ":11: face 0 names vertex 9 but there are 1",
        assertThrows(MalformedDataException.class, () -> Mesh.read(face)).getMessage());
    Path shortBody = Files.writeString(dir.resolve("s.ply"),
        "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
            + "property float z\nend_header\n0 0 0\n1 1\n");
    assertEquals(shortBody + ":10: truncated: the file ends in element 'vertex' 1 of 2",
        assertThrows(MalformedDataException.class, () -> Mesh.read(shortBody)).getMessage());
    Path other = Files.writeString(dir.resolve("mesh.obj"), "v 0 0 0\n");
    assertEquals(other + ": is neither .off nor .ply",
        assertThrows(MalformedDataException.class, () -> Mesh.read(other)).getMessage());
  }

  /** The tetrahedron as a binary PLY in {@code order}, with its first {@code faces} faces only. */
  private Path writeBinaryTetrahedron(ByteOrder order, int faces) throws Exception {
    String header = String.join("\n", "ply",
        "format binary_" + (order == ByteOrder.LITTLE_ENDIAN ? "little" : "big") + "_endian 1.0",
        "element vertex 4", "property double x", "property double y", "property double z",
        "element face 4", "property list uchar int vertex_indices", "property ushort label",
        "end_header", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer body = ByteBuffer.allocate(4 * 24 + 4 * 15).order(order);
    double[][] vertices = {{0, 0, 0}, {1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
    for (double[] v : vertices) {
      body.putDouble(v[0]).putDouble(v[1]).putDouble(v[2]);
    }
    int[][] corners = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
    for (int f = 0; f < faces; f++) {
      body.put((byte) 3).putInt(corners[f][0]).putInt(corners[f][1]).putInt(corners[f][2])
          .putShort((short) f);
    }
    out.write(body.array(), 0, body.position());
    return Files.write(dir.resolve("tetrahedron-" + order + "-" + faces + ".ply"),
        out.toByteArray());
  }

  /** Checks that point {@code i} lies on the tetrahedron's face with its label. */
  private static void assertOnFace(PointCloud points, int i) {
    double x = points.x(i);
    double y = points.y(i);
    double z = points.z(i);
    double off = switch (points.label(i)) {
      case 0 -> Math.abs(z);
      case 1 -> Math.abs(y);
      case 2 -> Math.abs(x);
      default -> Math.abs(x + y / 2 + z / 3 - 1);
    };
    assertTrue(off < 1e-6 && x >= -1e-6 && y >= -1e-6 && z >= -1e-6,
        "point " + i + " (" + x + ", " + y + ", " + z + ") is not on face " + points.label(i));
  }

  private static double chiSquare(int[] observed, double[] weights) {
    double total = 0;
    double weightSum = 0;
    for (int i = 0; i < observed.length; i++) {
      total += observed[i];
      weightSum += weights[i];
    }
    double chi = 0;
    for (int i = 0; i < observed.length; i++) {
      double expected = total * weights[i] / weightSum;
      chi += (observed[i] - expected) * (observed[i] - expected) / expected;
    }
    return chi;
  }
}
