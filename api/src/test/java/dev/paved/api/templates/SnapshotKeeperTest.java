package dev.paved.api.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paved.activities.support.WorkspaceArchive;
import dev.paved.activities.support.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class SnapshotKeeperTest {

  @TempDir Path data;

  private Path snapshot(String hash) throws Exception {
    Path folder = Files.createDirectories(data.resolve("template-versions").resolve(hash));
    Files.writeString(folder.resolve("template.yaml"), "kind: Template\n");
    return folder;
  }

  @Test
  void keepsEachVersionOnceByItsHashAsItIs() throws Exception {
    WorkspaceStore store = mock(WorkspaceStore.class);
    Path snapshot = snapshot("abc123");
    SnapshotKeeper keeper = new SnapshotKeeper(store);

    keeper.accept(snapshot);
    keeper.accept(snapshot); // loaded, then a run of it starts

    ArgumentCaptor<byte[]> archive = ArgumentCaptor.forClass(byte[].class);
    verify(store, times(1)).saveTemplate(eq("abc123"), archive.capture());
    Path unpacked = data.resolve("unpacked");
    WorkspaceArchive.unpack(archive.getValue(), unpacked);
    assertThat(unpacked.resolve("template.yaml")).hasContent("kind: Template\n");
  }

  @Test
  void aVersionTheStoreHasIsNotWrittenAgain() throws Exception {
    WorkspaceStore store = mock(WorkspaceStore.class);
    when(store.hasTemplate("abc123")).thenReturn(true);

    new SnapshotKeeper(store).accept(snapshot("abc123"));

    verify(store, never()).saveTemplate(any(), any());
  }

  @Test
  void withoutAStoreOrASnapshotThereIsNothingToKeep() throws Exception {
    new SnapshotKeeper(null).accept(snapshot("abc123"));
    WorkspaceStore store = mock(WorkspaceStore.class);

    new SnapshotKeeper(store).accept(data.resolve("template-versions/gone"));
    new SnapshotKeeper(store).accept(null);

    verify(store, never()).saveTemplate(any(), any());
  }
}
