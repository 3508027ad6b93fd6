package dev.paved.api.runs;

import dev.paved.api.dryrun.DryRunReport;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What starting a run (or a dry run of one) answers, documented beside the controller. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "202",
    description = "started; Location names the run",
    content = @Content(schema = @Schema(implementation = RunView.class)))
@ApiResponse(
    responseCode = "200",
    description =
        "with dryRun=true, what the run would make (nothing is started); or, for a repeated"
            + " Idempotency-Key, the run it started",
    content = @Content(schema = @Schema(oneOf = {DryRunReport.class, RunView.class})))
@ApiResponse(
    responseCode = "400",
    description = "no template, parameters that do not match its form, a bad Idempotency-Key")
@ApiResponse(responseCode = "403", description = "the caller is not a member of the owner team")
@ApiResponse(responseCode = "404", description = "no template of this name")
@ApiResponse(
    responseCode = "409",
    description =
        "a service of this name exists or is being created, or this Idempotency-Key is in use")
@ApiResponse(
    responseCode = "422",
    description =
        "this Idempotency-Key was used for another request, or an approval step of the"
            + " template has no approver other than the requester")
@ApiResponse(responseCode = "503", description = "Temporal did not accept the run")
@interface RunStartAnswers {}
