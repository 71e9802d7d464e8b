package dev.lathe.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @TempDir
  Path dir;

  @Test
  void keyFilesRoundTripAndSignaturesVerify() throws IOException {
    KeyPair keys = Fixtures.keys(dir, "a");
    KeyPair read = SigningKeys.readSigningKey(dir.resolve("a.key"));
    assertEquals(SigningKeys.keyId(keys.getPublic()), SigningKeys.keyId(read.getPublic()));
    assertTrue(SigningKeys.keyId(keys.getPublic()).matches("[0-9a-f]{16}"));
    assertEquals(keys.getPublic(), SigningKeys.readPublicKey(dir.resolve("a.pub")));
    byte[] index = "{\"format\":1}".getBytes();
    TrustedKeys trusted = Fixtures.trust(dir.resolve("trusted"), keys);
    assertEquals(SigningKeys.keyId(keys.getPublic()),
        IndexSignature.verify(index, IndexSignature.sign(index, read), trusted, "here"));
    assertTrue(Files.exists(dir.resolve("trusted/" + SigningKeys.keyId(keys.getPublic())
        + ".pub")));
  }

  @Test
  void aKeyFileWithoutItsPublicHalfOrWithAnotherKeysHalfIsRefused() throws IOException {
    KeyPair a = Fixtures.keys(dir, "a");
    Fixtures.keys(dir, "b");
    String key = Files.readString(dir.resolve("a.key"));
    Path privateOnly = dir.resolve("private-only.key");
    Files.writeString(privateOnly, key.substring(0, key.indexOf("-----BEGIN PUBLIC KEY")));
    RegistryException missing = assertThrows(RegistryException.class,
        () -> SigningKeys.readSigningKey(privateOnly));
    assertEquals("key file " + privateOnly + ": no -----BEGIN PUBLIC KEY----- block after the "
        + "private key; append it with 'openssl pkey -in " + privateOnly + " -pubout >> "
        + privateOnly + "'", missing.getMessage());
    Path mixed = dir.resolve("mixed.key");
    Files.writeString(mixed, Files.readString(privateOnly) + Files.readString(dir.resolve("b.pub")));
    RegistryException mismatch = assertThrows(RegistryException.class,
        () -> SigningKeys.readSigningKey(mixed));
    assertEquals("key file " + mixed + ": its PUBLIC KEY block is not the public key of its "
        + "PRIVATE KEY block", mismatch.getMessage());
    assertEquals(RegistryException.Kind.USAGE, mismatch.kind());
    assertEquals(SigningKeys.keyId(a.getPublic()),
        SigningKeys.keyId(SigningKeys.readPublicKey(dir.resolve("a.key"))));
  }
}
