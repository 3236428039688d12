export * from './facts.projection';
