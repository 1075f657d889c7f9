package io.outdial.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import io.outdial.app.AnonymousMvc;
import io.outdial.app.DevModeTest;
import io.outdial.app.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/** People log in with a user name and password and get a session; nobody gets in without credentials. */
@DevModeTest
@ExtendWith(OutputCaptureExtension.class)
class AuthApiTest {

    private final MockMvc anonymous;
    private final AdminApi admin;
    @LocalServerPort
    int port;

    @Autowired
    AuthApiTest(WebApplicationContext context, MockMvc mvc) {
        this.anonymous = AnonymousMvc.of(context);
        this.admin = new AdminApi(mvc);
    }

    @Test
    void theBootstrapAdminLogsInAndTheSessionAuthenticatesUntilLogout(CapturedOutput output) throws Exception {
        MvcResult login = anonymous.perform(login("admin", TestCredentials.DEV_ADMIN_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("admin"))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.tenant").doesNotExist())
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(session).isNotNull();

        anonymous.perform(get("/api/v1/auth/me").session(session))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("admin"));
        anonymous.perform(get("/api/v1/tenants").session(session)).andExpect(status().isOk());

        anonymous.perform(post("/api/v1/auth/logout").session(session)).andExpect(status().isNoContent());
        anonymous.perform(get("/api/v1/auth/me").session(session)).andExpect(status().isUnauthorized());
        assertThat(output).doesNotContain(TestCredentials.DEV_ADMIN_PASSWORD);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreTheSame401AndNeitherIsLogged(CapturedOutput output) throws Exception {
        String wrong = anonymous.perform(login("admin", "not-the-password-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:unauthenticated"))
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE))
                .andReturn().getResponse().getContentAsString();
        String unknown = anonymous.perform(login("nobody-here", "not-the-password-1"))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();

        assertThat(unknown).isEqualTo(wrong);
        assertThat(output).doesNotContain("not-the-password-1");
    }

    @Test
    void aRequestWithoutCredentialsIsA401ProblemWithAChallenge() throws Exception {
        anonymous.perform(get("/api/v1/campaigns"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:unauthenticated"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"outdial\""));
        anonymous.perform(post("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .andExpect(status().isUnauthorized());
        anonymous.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiDescriptionAndHealthNeedNoCredentials() throws Exception {
        anonymous.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
        anonymous.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void anApiKeyAuthenticatesAsABearerTokenToo() throws Exception {
        anonymous.perform(get("/api/v1/auth/me")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestCredentials.DEV_API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("key:devlocal"))
                .andExpect(jsonPath("$.role").value("ADMIN"));
        anonymous.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer od_devlocal_wrongwrongwrongwrongwrongwrongwrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:unauthenticated"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": \"admin\", \"password\": \"" + TestCredentials.DEV_ADMIN_PASSWORD + "\"}"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("OUTDIAL_SESSION=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Secure");

        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/me"))
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"admin\"");
    }

    @Test
    void aDisabledUserIsLoggedOutAtItsNextRequestAndCannotLogInAgain() throws Exception {
        String tenant = admin.tenant();
        String username = AdminApi.unique("user").toLowerCase();
        String body = admin.post("/api/v1/users", """
                        {"username": "%s", "password": "correct horse battery", "role": "MANAGER", "tenant": "%s"}"""
                        .formatted(username, tenant))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.tenant").value(tenant))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        MockHttpSession session = (MockHttpSession) anonymous.perform(login(username, "correct horse battery"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("MANAGER"))
                .andExpect(jsonPath("$.tenant").value(tenant))
                .andReturn().getRequest().getSession(false);

        admin.delete("/api/v1/users/" + id).andExpect(status().isNoContent());

        anonymous.perform(get("/api/v1/auth/me").session(session)).andExpect(status().isUnauthorized());
        anonymous.perform(login(username, "correct horse battery")).andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user,
                                                                                                  String password) {
        return post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
    }
}
