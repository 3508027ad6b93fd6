package dev.paved.api.scorecards.waivers;

import dev.paved.workflows.scorecards.waiver.WaiverWorkflow;
import dev.paved.workflows.scorecards.waiver.WaiverWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The waivers' workflows: the API polls the scorecards' task queue ({@link
 * WaiverWorkflow#TASK_QUEUE}) itself, next to the database their records write to, whether or not
 * golden-path workers run elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WaiverProperties.class)
class WaiverConfiguration {

  @Bean
  Worker scorecardWaiverWorker(WorkerFactory factory, WaiverRecorderImpl recorder) {
    Worker worker = factory.newWorker(WaiverWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(WaiverWorkflowImpl.class);
    worker.registerActivitiesImplementations(recorder);
    return worker;
  }
}
