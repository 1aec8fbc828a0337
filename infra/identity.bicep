// The one user-assigned identity the app uses for storage, Key Vault, App Insights and the deployment
// container. User-assigned so its principal exists before the site and role assignments can be made first.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
