package dev.paved.worker;

import dev.paved.activities.render.RenderLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code paved.render.*}: what one template may spend when it renders (docs/templates.md, Limits).
 * The operator sets them; template authors cannot reach them. Sizes count characters.
 */
@ConfigurationProperties("paved.render")
public record RenderProperties(
    @DefaultValue("100000") long loopIterations,
    @DefaultValue("1000000") long runLoopIterations,
    @DefaultValue("8MB") DataSize outputSize,
    @DefaultValue("64MB") DataSize runOutputSize,
    @DefaultValue("1MB") DataSize stringLength,
    @DefaultValue("100000") int collectionSize,
    @DefaultValue("1000") int rangeSize,
    @DefaultValue("20") int macroDepth,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("20s") Duration runTime,
    @DefaultValue("2") int threads,
    @DefaultValue("1000") int queue) {

  RenderLimits limits() {
    return new RenderLimits(
        loopIterations,
        runLoopIterations,
        outputSize.toBytes(),
        runOutputSize.toBytes(),
        stringLength.toBytes(),
        collectionSize,
        rangeSize,
        macroDepth,
        timeout,
        runTime,
        threads,
        queue);
  }
}
