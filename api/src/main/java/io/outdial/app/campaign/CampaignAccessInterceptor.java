package io.outdial.app.campaign;

import io.outdial.app.security.CallerAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A second line of defence behind the services' own checks: every request to a path under
 * {@code /api/v1/campaigns/{id}} (or {@code {campaignId}}) is a 404, exactly like a missing campaign, unless
 * the campaign belongs to the caller's tenant. It runs before the controller, so an endpoint that forgets
 * to scope by tenant (task uploads, call searches, a stats stream) still never touches another tenant's
 * campaign.
 */
@Configuration(proxyBeanMethods = false)
class CampaignAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final CampaignService campaigns;

    CampaignAccessInterceptor(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/campaigns/*", "/api/v1/campaigns/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication caller) || caller.caller().platformAdmin()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        String id = variables.getOrDefault("id", variables.get("campaignId"));
        if (id == null || !id.matches("\\d{1,18}")) {
            return true; // not a campaign id: the controller answers (400 for a malformed id)
        }
        campaigns.requireVisible(caller.caller(), Long.parseLong(id));
        return true;
    }
}
