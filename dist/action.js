// Entry point of the GitHub Action (action.yml): the committed bundle, run by the runner's Node.
require('./elb-lens.js').actionMain();
