package dev.paved.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A person at the terminal, answering from a script and noting which questions hid the answer. */
final class ScriptedPrompt implements Prompt {

  private final Deque<String> answers;
  final List<String> questions = new ArrayList<>();
  final List<String> secretQuestions = new ArrayList<>();

  ScriptedPrompt(String... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  @Override
  public String line(String question) {
    questions.add(question);
    return answers.poll();
  }

  @Override
  public char[] secret(String question) {
    questions.add(question);
    secretQuestions.add(question);
    String answer = answers.poll();
    return answer == null ? null : answer.toCharArray();
  }

  boolean allAnswered() {
    return answers.isEmpty();
  }
}
