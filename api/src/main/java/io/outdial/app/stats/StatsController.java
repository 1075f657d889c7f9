package io.outdial.app.stats;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live stats of campaigns and resources. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stats", description = "Live figures of campaigns, FS nodes and lines")
class StatsController {

    private final CampaignStatsService campaigns;
    private final ResourceStatsService resources;
    private final StatsStreams streams;

    StatsController(CampaignStatsService campaigns, ResourceStatsService resources, StatsStreams streams) {
        this.campaigns = campaigns;
        this.resources = resources;
        this.streams = streams;
    }

    @GetMapping("/campaigns/{id}/stats")
    @Operation(summary = "A campaign's live stats",
            description = "Tasks by status, attempts by outcome and fault class, calls in flight, calls started "
                    + "in the last 10 s and minute, answer rate, pacing in force and the workflow's progress.")
    @ApiResponse(responseCode = "200", description = "The figures now")
    @ApiResponse(responseCode = "404", description = "No such campaign, or one of another tenant")
    CampaignStats stats(Caller caller, @Parameter(description = "The campaign's id") @PathVariable long id) {
        return campaigns.stats(caller, id);
    }

    @GetMapping(path = "/campaigns/{id}/stats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "A campaign's live stats as server-sent events",
            description = "An event named `stats` with the figures of GET /campaigns/{id}/stats every second; "
                    + "once the campaign has ended, one event named `ended` with the final figures, then the "
                    + "stream completes. 503 (urn:outdial:problem:unavailable) when too many streams are open.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = CampaignStats.class)))
    @ApiResponse(responseCode = "404", description = "No such campaign, or one of another tenant")
    @ApiResponse(responseCode = "503", description = "Too many streams are open")
    SseEmitter stream(Caller caller, @Parameter(description = "The campaign's id") @PathVariable long id) {
        campaigns.requireVisible(caller, id);
        return streams.open(id);
    }

    @GetMapping("/stats/resources")
    @Operation(summary = "FS nodes and lines with live figures",
            description = "The FS nodes and lines of the pools the caller may use (shared pools and its own "
                    + "tenant's), with health and calls in flight now.")
    @ApiResponse(responseCode = "200", description = "The resources now")
    ResourceStats resources(Caller caller) {
        return resources.resources(caller);
    }
}
