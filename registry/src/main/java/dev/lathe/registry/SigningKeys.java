package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Ed25519 keys as PEM files, as OpenSSL writes them. A public key file holds one
 * {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo); a signing key file holds a
 * {@code PRIVATE KEY} block (PKCS#8) followed by the {@code PUBLIC KEY} block of the same key
 * ({@code openssl genpkey -algorithm ed25519 -out k.pem; openssl pkey -in k.pem -pubout >> k.pem}
 * writes one). A key's id is the first 16 hex digits of the SHA-256 of its public key's X.509
 * encoding.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SigningKeys {

  /** The JDK's name of the signature algorithm. */
  public static final String ALGORITHM = "Ed25519";

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  private SigningKeys() {}

  /** A new random Ed25519 key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no " + ALGORITHM, e);
    }
  }

  /** The key's id: 16 hex digits of the SHA-256 of its X.509 encoding. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime has no SHA-256", e);
    }
  }

  /** Writes {@code keys} as a signing key file (private block, then public block). */
  public static void writeSigningKey(KeyPair keys, Path file) throws IOException {
    Files.writeString(file, pem("PRIVATE KEY", keys.getPrivate().getEncoded())
        + pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
  }

  /** Writes {@code key} as a public key file. */
  public static void writePublicKey(PublicKey key, Path file) throws IOException {
    Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()), StandardCharsets.US_ASCII);
  }

  /**
   * Reads a signing key file and checks that its two keys belong together.
   *
   * @throws RegistryException of kind {@code USAGE} naming the file if it cannot be read, lacks a
   *     block, holds no Ed25519 key or holds two keys that do not match
   */
  public static KeyPair readSigningKey(Path file) {
    String text = read(file);
    byte[] privateBytes = block(text, "PRIVATE KEY").orElseThrow(() -> bad(file,
        "no -----BEGIN PRIVATE KEY----- block (PKCS#8)"));
    byte[] publicBytes = block(text, "PUBLIC KEY").orElseThrow(() -> bad(file,
        "no -----BEGIN PUBLIC KEY----- block after the private key; append it with "
            + "'openssl pkey -in " + file + " -pubout >> " + file + "'"));
    try {
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
      PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicBytes));
      byte[] probe = "lathe signing key check".getBytes(StandardCharsets.US_ASCII);
      if (!verify(publicKey, probe, sign(privateKey, probe))) {
        throw bad(file, "its PUBLIC KEY block is not the public key of its PRIVATE KEY block");
      }
      return new KeyPair(publicKey, privateKey);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw bad(file, "not an " + ALGORITHM + " key: " + e.getMessage());
    }
  }

  /**
   * Reads a public key file.
   *
   * @throws RegistryException of kind {@code USAGE} naming the file if it holds no Ed25519
   *     public key
   */
  public static PublicKey readPublicKey(Path file) {
    byte[] bytes = block(read(file), "PUBLIC KEY").orElseThrow(() -> bad(file,
        "no -----BEGIN PUBLIC KEY----- block (X.509)"));
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(bytes));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw bad(file, "not an " + ALGORITHM + " public key: " + e.getMessage());
    }
  }

  /** The Ed25519 signature of {@code data}. */
  static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(ALGORITHM);
    signature.initSign(key);
    signature.update(data);
    return signature.sign();
  }

  /** Whether {@code signed} is {@code key}'s signature of {@code data}. */
  static boolean verify(PublicKey key, byte[] data, byte[] signed)
      throws GeneralSecurityException {
    Signature signature = Signature.getInstance(ALGORITHM);
    signature.initVerify(key);
    signature.update(data);
    return signature.verify(signed);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw bad(file, "cannot be read: " + e);
    }
  }

  private static Optional<byte[]> block(String text, String label) {
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      if (m.group(1).equals(label)) {
        return Optional.of(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    return Optional.empty();
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  private static RegistryException bad(Path file, String what) {
    return new RegistryException(RegistryException.Kind.USAGE, "key file " + file + ": " + what);
  }
}
