package dev.lathe.plugin.gcnrl.spice;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of libngspice's shared API ({@code sharedspice.h}, ngspice 39) that the in-process
 * simulator calls, bound by JNA.
 */
interface NgspiceLibrary extends Library {

  /** {@code SendChar}: one line of ngspice's output, prefixed {@code stdout } or {@code stderr }. */
  interface SendChar extends Callback {
    int invoke(String line, int id, Pointer user);
  }

  /** {@code SendStat}: a progress message. */
  interface SendStat extends Callback {
    int invoke(String status, int id, Pointer user);
  }

  /** {@code ControlledExit}: ngspice wants to quit; the instance is unusable afterwards. */
  interface ControlledExit extends Callback {
    int invoke(int status, boolean immediate, boolean quit, int id, Pointer user);
  }

  /** {@code BGThreadRunning}: the background thread started or stopped. */
  interface BackgroundThreadRunning extends Callback {
    int invoke(boolean running, int id, Pointer user);
  }

  /** {@code ngSpice_Init}: registers the callbacks; the data callbacks may be null. */
  int ngSpice_Init(SendChar printfcn, SendStat statfcn, ControlledExit ngexit, Pointer sdata,
      Pointer sinitdata, BackgroundThreadRunning bgtrun, Pointer userData);

  /** {@code ngSpice_Command}: runs one front-end command synchronously. */
  int ngSpice_Command(String command);

  /** {@code ngSpice_Circ}: loads a circuit from lines; the array ends with a null element. */
  int ngSpice_Circ(String[] lines);
}
