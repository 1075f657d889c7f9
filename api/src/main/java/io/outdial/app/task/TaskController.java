package io.outdial.app.task;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task upload: {@code POST /api/v1/campaigns/{id}/tasks} with a JSON batch or a streamed CSV. Both bodies are
 * read here from the request's stream, with a byte limit, so an oversized body is a 413 before it is
 * buffered; any other content type is a 415.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/tasks")
@Tag(name = "Tasks", description = "Numbers to call: JSON batches and streamed CSV uploads")
class TaskController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final TaskUploadService service;
    private final ObjectMapper json;

    TaskController(TaskUploadService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add up to 10,000 tasks from JSON",
            description = "Each task is a phone number (E.164, or national in the tenant's default region), an "
                    + "optional external id (idempotency key) and external ref. Without partial=true any row "
                    + "error is a 400 listing the errors with their index, and nothing is imported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TaskUploadRequest.class))))
    TaskUploadResult uploadJson(Caller caller, @PathVariable long id,
                                @Parameter(description = "import the valid rows even if others are invalid")
                                @RequestParam(defaultValue = "false") boolean partial,
                                HttpServletRequest request) throws IOException {
        rejectDeclaredOversize(request, UploadLimits.JSON_BYTES);
        TaskUploadRequest body;
        try (InputStream in = new BoundedInputStream(request.getInputStream(), UploadLimits.JSON_BYTES)) {
            body = json.readValue(in, TaskUploadRequest.class);
        } catch (BoundedInputStream.TooLarge e) {
            throw tooLarge(UploadLimits.JSON_BYTES);
        } catch (JacksonException e) {
            // the parser's own message may quote the body, phone numbers included
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The request body is not valid JSON of the expected shape");
        }
        if (body == null) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The request body is empty");
        }
        return service.uploadJson(caller, id, body, partial);
    }

    @PostMapping(consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add up to 1,000,000 tasks from a streamed CSV",
            description = "UTF-8 (a BOM is accepted), RFC 4180 quoting, a header row naming the columns "
                    + "phone_number (required), external_id and external_ref in any order. At most 64 MiB. "
                    + "Errors name the line (the header is line 1). Without partial=true any row error is a "
                    + "400 and nothing is imported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                            example = "phone_number,external_id,external_ref\n+15550100001,crm-1,first customer\n"))))
    TaskUploadResult uploadCsv(Caller caller, @PathVariable long id,
                               @Parameter(description = "import the valid rows even if others are invalid")
                               @RequestParam(defaultValue = "false") boolean partial,
                               @Parameter(description = "close the campaign's input after the import")
                               @RequestParam(defaultValue = "false") boolean last,
                               HttpServletRequest request) throws IOException {
        requireUtf8(request);
        rejectDeclaredOversize(request, UploadLimits.CSV_BYTES);
        return service.uploadCsv(caller, id, request.getInputStream(), partial, last);
    }

    /**
     * Any other content type (or none): a 415 with the stable problem type, without reading the body. (Spring's
     * own 415 would do too, but this one says which types are accepted.)
     */
    @PostMapping
    @Hidden
    void unsupported(HttpServletRequest request) {
        throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Tasks are uploaded as application/json or text/csv (UTF-8)");
    }

    private static void requireUtf8(HttpServletRequest request) {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        Charset charset;
        try {
            charset = type.getCharset();
        } catch (RuntimeException e) {
            charset = null;
            if (type.getParameter("charset") != null) {
                throw notUtf8();
            }
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw notUtf8();
        }
    }

    private static ApiProblem notUtf8() {
        return new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "CSV uploads must be UTF-8 (charset=utf-8 or none)");
    }

    private static void rejectDeclaredOversize(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
    }

    private static ApiProblem tooLarge(long limit) {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than " + limit + " bytes",
                Map.of("limit", limit));
    }
}
