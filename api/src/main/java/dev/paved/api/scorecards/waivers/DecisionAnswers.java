package dev.paved.api.scorecards.waivers;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers of a waiver's decision, documented once for both of its paths. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "decided and recorded",
    content = @Content(schema = @Schema(implementation = WaiverView.class)))
@ApiResponse(responseCode = "400", description = "a missing or malformed decision")
@ApiResponse(
    responseCode = "403",
    description = "the requester deciding their own waiver, or someone who is not an approver")
@ApiResponse(responseCode = "404", description = "no such waiver")
@ApiResponse(responseCode = "409", description = "the waiver is decided or ended already")
@ApiResponse(responseCode = "503", description = "Temporal did not take the decision")
@interface DecisionAnswers {}
