package dev.paved.worker;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paved.*}: where Paved keeps its files and how it is reached.
 *
 * @param dataDir workspaces, local git repositories, the local secret store ({@code
 *     PAVED_DATA_DIR})
 * @param publicUrl the address users reach Paved at, used in links Paved writes
 * @param workerEnabled whether this process runs the golden-path worker ({@code
 *     PAVED_WORKER_ENABLED}); the API can leave it to separate worker processes
 */
@ConfigurationProperties("paved")
public record PavedProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("true") boolean workerEnabled) {}
