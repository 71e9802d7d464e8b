package dev.lathe.registry;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import org.apiguardian.api.API;

/**
 * The detached signature of a registry's index, the file {@value #FILE_NAME} beside it:
 * {@code {"algorithm": "Ed25519", "key": "<key id>", "signature": "<base64>"}}, an Ed25519
 * signature of the exact bytes of {@code index.json}. Since the index holds each archive's size
 * and SHA-256, it signs the archives too.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IndexSignature {

  /** The signature's file name in a registry. */
  public static final String FILE_NAME = RegistryIndex.FILE_NAME + ".sig";

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexSignature() {}

  /** The bytes of {@value #FILE_NAME} that sign {@code index} with {@code key}. */
  public static byte[] sign(byte[] index, KeyPair key) {
    try {
      ObjectNode doc = JSON.createObjectNode()
          .put("algorithm", SigningKeys.ALGORITHM)
          .put("key", SigningKeys.keyId(key.getPublic()))
          .put("signature", Base64.getEncoder().encodeToString(
              SigningKeys.sign(key.getPrivate(), index)));
      return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign the index: " + e, e);
    }
  }

  /**
   * Checks that {@code signature} is a trusted key's signature of {@code index}.
   *
   * @param where the registry, for messages
   * @return the id of the key that signed it
   * @throws RegistryException of kind {@code UNTRUSTED} naming the registry and the key if the
   *     signature file is malformed, names a key that is not trusted, or does not verify
   */
  public static String verify(byte[] index, byte[] signature, TrustedKeys trusted, String where) {
    JsonNode doc;
    try {
      doc = JSON.readTree(signature);
    } catch (IOException e) {
      throw untrusted(where + ": " + FILE_NAME + " is not JSON: " + e.getMessage());
    }
    if (doc == null || !SigningKeys.ALGORITHM.equals(doc.path("algorithm").asText())
        || !doc.path("key").isTextual() || !doc.path("signature").isTextual()) {
      throw untrusted(where + ": " + FILE_NAME
          + " is malformed (expected algorithm Ed25519, key and signature)");
    }
    String keyId = doc.path("key").asText();
    PublicKey key = trusted.find(keyId).orElseThrow(() -> untrusted(where
        + ": the index is signed by key " + keyId + ", which is not trusted; trust its public "
        + "key with 'lathe registry trust KEY.pub' if you trust the publisher"));
    boolean valid;
    try {
      valid = SigningKeys.verify(key, index,
          Base64.getDecoder().decode(doc.path("signature").asText()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw untrusted(where + ": the signature of " + RegistryIndex.FILE_NAME
          + " does not verify with key " + keyId + ": the index was altered after signing");
    }
    return keyId;
  }

  private static RegistryException untrusted(String message) {
    return new RegistryException(RegistryException.Kind.UNTRUSTED, message);
  }
}
