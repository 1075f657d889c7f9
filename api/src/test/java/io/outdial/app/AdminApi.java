package io.outdial.app;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The admin REST API as tests drive it: JSON requests over MockMvc and builders of tenants, pools, FS
 * nodes, lines and campaigns with unique names (every test class shares one database).
 *
 * <p>Requests go as the platform administrator (MockMvc's default {@code X-API-Key}, see
 * {@link TestCredentials}) unless made through {@link #as(String)}, which sends another key.
 */
public final class AdminApi {

    private final MockMvc mvc;
    private final String apiKey;

    public AdminApi(MockMvc mvc) {
        this(mvc, null);
    }

    private AdminApi(MockMvc mvc, String apiKey) {
        this.mvc = mvc;
        this.apiKey = apiKey;
    }

    /** The same API, as the holder of this API key. */
    public AdminApi as(String apiKey) {
        return new AdminApi(mvc, apiKey);
    }

    /** Creates an API key of the tenant ({@code null}: a platform administrator's) with this role; returns the key. */
    public String apiKey(String tenant, String role) throws Exception {
        String body = new AdminApi(mvc).post("/api/v1/api-keys", tenant == null
                        ? "{\"name\": \"test\", \"role\": \"" + role + "\"}"
                        : "{\"name\": \"test\", \"role\": \"" + role + "\", \"tenant\": \"" + tenant + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.key");
    }

    /** A fresh id or name, valid as a resource id and a tenant or pool name. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ResultActions post(String path, String json) throws Exception {
        return send(MockMvcRequestBuilders.post(path), json);
    }

    public ResultActions patch(String path, String json) throws Exception {
        return send(MockMvcRequestBuilders.patch(path), json);
    }

    public ResultActions get(String path) throws Exception {
        return mvc.perform(authenticated(MockMvcRequestBuilders.get(path)));
    }

    public ResultActions delete(String path) throws Exception {
        return mvc.perform(authenticated(MockMvcRequestBuilders.delete(path)));
    }

    /** A POST without a body (start, pause, ...). */
    public ResultActions post(String path) throws Exception {
        return mvc.perform(authenticated(MockMvcRequestBuilders.post(path)));
    }

    /** Creates a tenant and returns its name. */
    public String tenant() throws Exception {
        String name = unique("tenant");
        post("/api/v1/tenants", "{\"name\": \"" + name + "\"}").andExpect(status().isCreated());
        return name;
    }

    /** Creates a pool, dedicated to {@code tenant} unless it is {@code null}, and returns its id and name. */
    public Named pool(String tenant) throws Exception {
        String name = unique("pool");
        String body = post("/api/v1/pools", tenant == null ? "{\"name\": \"" + name + "\"}"
                : "{\"name\": \"" + name + "\", \"tenant\": \"" + tenant + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Named(((Number) JsonPath.read(body, "$.id")).longValue(), name);
    }

    /** Creates an enabled FS node in the pool at this ESL address and returns its id. */
    public String fsNode(String pool, int eslPort, String password) throws Exception {
        String id = unique("fs");
        post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "%s", "eslHost": "127.0.0.1", "eslPort": %d, "eslPassword": "%s",
                 "maxSessions": 1000, "caps": 100}""".formatted(id, pool, eslPort, password))
                .andExpect(status().isCreated());
        return id;
    }

    /** Creates an enabled line through {@code gateway} in the pool and returns its id. */
    public String line(String pool, String gateway, int caps) throws Exception {
        String id = unique("line");
        post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "%s", "caps": %d, "maxConcurrency": 50}"""
                .formatted(id, pool, gateway, caps))
                .andExpect(status().isCreated());
        return id;
    }

    /** Creates a DRAFT campaign of the tenant on the pool and returns its id. */
    public long campaign(String tenant, String pool, int caps, int maxConcurrency) throws Exception {
        String body = post("/api/v1/campaigns", """
                {"name": "test", "caps": %d, "maxConcurrency": %d, "tenant": "%s", "pool": "%s"}"""
                .formatted(caps, maxConcurrency, tenant, pool))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(authenticated(request).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request) {
        return apiKey == null ? request : request.header(TestCredentials.API_KEY_HEADER, apiKey);
    }

    /** A created resource with a numeric id. */
    public record Named(long id, String name) {
    }
}
