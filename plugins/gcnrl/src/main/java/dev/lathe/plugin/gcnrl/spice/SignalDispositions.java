package dev.lathe.plugin.gcnrl.spice;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The JVM's signal handlers, saved before libngspice runs and put back after it. ngspice 39
 * installs its own SIGSEGV handler during {@code ngSpice_Init} and restores the old one with
 * {@code signal()}, which drops the {@code SA_SIGINFO} flag that the JVM's handler needs (the JVM
 * then crashes at its next implicit null check or safepoint poll), and its expression evaluator
 * resets SIGILL to the default. {@code sigaction} saves and restores the full dispositions.
 */
final class SignalDispositions {

  /** The C library's {@code sigaction}. */
  interface C extends Library {
    int sigaction(int signal, Pointer action, Pointer oldAction);
  }

  /** SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGBUS, SIGFPE, SIGUSR2, SIGSEGV, SIGPIPE, SIGTERM, SIGXFSZ. */
  private static final int[] SIGNALS = {1, 2, 3, 4, 7, 8, 12, 11, 13, 15, 25};
  /** Larger than glibc's {@code struct sigaction} on every 64-bit Linux (152 bytes on x86-64). */
  private static final int SIGACTION_BYTES = 512;

  private static final C LIBC = Native.load("c", C.class);

  private final Memory[] saved = new Memory[SIGNALS.length];

  /** The current dispositions. */
  SignalDispositions() {
    for (int i = 0; i < SIGNALS.length; i++) {
      saved[i] = new Memory(SIGACTION_BYTES);
      saved[i].clear();
      if (LIBC.sigaction(SIGNALS[i], null, saved[i]) != 0) {
        throw new IllegalStateException("sigaction cannot read the handler of signal "
            + SIGNALS[i]);
      }
    }
  }

  /** Puts the saved dispositions back. */
  void restore() {
    for (int i = 0; i < SIGNALS.length; i++) {
      LIBC.sigaction(SIGNALS[i], saved[i], null);
    }
  }
}
