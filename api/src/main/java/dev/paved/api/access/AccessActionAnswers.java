package dev.paved.api.access;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The answers every change to an access request (a decision, a revoke, ...) shares, once. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "done",
    content = @Content(schema = @Schema(implementation = AccessView.class)))
@ApiResponse(
    responseCode = "202",
    description = "accepted and still being carried out",
    content = @Content(schema = @Schema(implementation = AccessView.class)))
@ApiResponse(
    responseCode = "400",
    description = "a comment too long; for a decision, none or a word other than approve/reject")
@ApiResponse(
    responseCode = "403",
    description =
        "the caller may not do this to the request; for a decision, not an approver of the"
            + " request or its own requester")
@ApiResponse(responseCode = "404", description = "no request with this id")
@ApiResponse(responseCode = "503", description = "Temporal did not take the change")
@interface AccessActionAnswers {}
