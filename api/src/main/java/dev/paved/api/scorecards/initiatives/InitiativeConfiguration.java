package dev.paved.api.scorecards.initiatives;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The initiatives' settings ({@code paved.scorecards.initiative-*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InitiativeProperties.class)
class InitiativeConfiguration {}
