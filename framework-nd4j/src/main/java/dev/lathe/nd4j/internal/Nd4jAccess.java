package dev.lathe.nd4j.internal;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The read edge from this module to the unnamed module where ND4J lives, and the settings ND4J
 * must see before it loads. Every class of this module that touches ND4J calls {@link #open()}
 * in its static initialiser, before any of its code resolves an ND4J class.
 */
public final class Nd4jAccess {

  /** JavaCPP's logger choice: through SLF4J rather than its own prints to standard error. */
  private static final String JAVACPP_LOGGER = "org.bytedeco.javacpp.logger";

  static {
    Module self = Nd4jAccess.class.getModule();
    if (self.isNamed()) {
      self.addReads(Nd4jAccess.class.getClassLoader().getUnnamedModule());
    }
    if (System.getProperty(JAVACPP_LOGGER) == null) {
      System.setProperty(JAVACPP_LOGGER, "slf4j");
    }
  }

  /** The shortest time between two collections started by {@link #releaseUnreachableArrays}. */
  private static final long COLLECTION_INTERVAL_NANOS = 1_000_000_000L;

  private static volatile boolean used;
  private static volatile long lastCollectionNanos = System.nanoTime();

  private Nd4jAccess() {}

  /**
   * Makes sure this module reads the unnamed module of its class loader (ND4J on the class path)
   * and JavaCPP logs through SLF4J (done once, in this class's initialiser), and notes that ND4J
   * is in use in this JVM.
   */
  public static void open() {
    used = true;
  }

  /**
   * Frees the native memory of arrays no longer referenced, at most once a second. ND4J frees an
   * array's native buffer only when the garbage collector finds the array unreachable, and a
   * training step allocates hundreds of megabytes of native temporaries but almost nothing on
   * the Java heap, so without a collection resident memory grows by gigabytes (a full
   * Fashion-MNIST epoch of the small CNN peaked at 20 GB). Loops that run ND4J step after step
   * call this after each step; it asks ND4J's memory manager for a collection when a second has
   * passed since the last one.
   */
  public static void releaseUnreachableArrays() {
    long now = System.nanoTime();
    if (now - lastCollectionNanos >= COLLECTION_INTERVAL_NANOS) {
      lastCollectionNanos = now;
      Nd4j.getMemoryManager().invokeGc();
    }
  }

  /** Whether a class of this module that touches ND4J has been initialised in this JVM. */
  public static boolean used() {
    return used;
  }
}
