package dev.paved.api.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error page for what it refuses before Spring sees the request (a path with {@code %00}
 * or an encoded slash, invalid percent-encoding, headers over the limit), as problem+json instead
 * of an HTML page. Says nothing of the request: Tomcat's message may repeat it, and no server
 * version.
 */
public class ProblemErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(ProblemJson.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ProblemJson.body(status, detail(status), null));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the answer began: nothing more to say
    }
  }

  private static String detail(int status) {
    if (status == 400) {
      return "the request is malformed (its path, a header or their size); nothing was done";
    }
    if (status >= 500) {
      return "Paved could not answer this request; nothing was done";
    }
    return "the request was refused before it reached Paved; nothing was done";
  }
}
