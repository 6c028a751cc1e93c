// Loads @peculiar/x509 after its reflect-metadata prerequisite (import order matters here).
import './reflect-metadata.js';

export * from '@peculiar/x509';
