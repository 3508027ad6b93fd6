package dev.paved.api.templates;

import java.util.List;

/** A template file Paved will not run, and every reason why, so its authors see it first. */
public record RefusedTemplate(String file, String name, List<String> problems) {}
