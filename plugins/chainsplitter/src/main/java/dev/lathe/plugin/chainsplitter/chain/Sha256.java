package dev.lathe.plugin.chainsplitter.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, which every Java platform provides. */
public final class Sha256 {

  /** The length of a digest in bytes. */
  public static final int BYTES = 32;

  private Sha256() {}

  /** A new SHA-256 message digest. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java platform lacks SHA-256, which every one must have", e);
    }
  }

  /** The digest of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return digest().digest(bytes);
  }

  /** {@code bytes} as lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
