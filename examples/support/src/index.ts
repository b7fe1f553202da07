export { type ExampleConfig, readExampleConfig } from "./example-config.js";
export {
  type ExampleServer,
  type ListenAddress,
  type ListenExample,
  startExample,
} from "./start-example.js";
