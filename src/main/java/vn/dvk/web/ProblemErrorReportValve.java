package vn.dvk.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it — a request line or headers longer than the
 * connector takes, a malformed request — as problem details instead of Tomcat's HTML page, so that no client ever
 * gets an error it cannot read. Public only because Tomcat makes it from its class name
 * ({@link WebConfig#problemErrorReports}); errors that reach the application keep their own answers.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Said in both languages: no locale can be known for a request that could not be read. */
    static final String DETAIL =
            "Máy chủ không đọc được yêu cầu: dòng yêu cầu hoặc các tiêu đề quá dài, hoặc sai cú pháp."
                    + " / The request could not be read: its request line or headers are too long, or malformed.";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\""
                        + (status < 500 ? "Yêu cầu không hợp lệ" : "Lỗi máy chủ") + "\",\"status\":" + status
                        + ",\"detail\":\"" + DETAIL + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone, or the response cannot be written any more: nothing else to tell it
        }
    }
}
