package dev.lathe.nd4j.internal;

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

  private static volatile boolean used;

  private Nd4jAccess() {}

  /**
   * Makes sure this module reads the unnamed module of its class loader (ND4J on the class path)
   * and JavaCPP logs through SLF4J (done once, in this class's initialiser), and notes that ND4J
   * is in use in this JVM.
   */
  public static void open() {
    used = true;
  }

  /** Whether a class of this module that touches ND4J has been initialised in this JVM. */
  public static boolean used() {
    return used;
  }
}
