package dev.paved.api.runs;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every operator's decision on a run shares, documented once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "403", description = "not a member of the run's owner team")
@ApiResponse(responseCode = "404", description = "no run with this id")
@ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
@interface RunDecisionAnswers {}
