# The background jobs moved to giaoban.jobs (a layer below the apps that start them).
