package dev.paved.cli;

import java.io.Console;

/** Asks a person at the terminal: a line, or a secret that is not echoed. */
interface Prompt {

  /** The answer, or null when the input has ended. */
  String line(String question);

  /** The answer typed without echo, or null when the input has ended. */
  char[] secret(String question);

  /** The terminal's console, or null when stdin or stdout is not a terminal. */
  static Prompt console() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    return new Prompt() {
      @Override
      public String line(String question) {
        return console.readLine("%s", question);
      }

      @Override
      public char[] secret(String question) {
        return console.readPassword("%s", question);
      }
    };
  }
}
